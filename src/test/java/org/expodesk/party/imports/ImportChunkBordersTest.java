package org.expodesk.party.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.party.Organization;
import org.expodesk.party.Person;
import org.expodesk.party.dedup.DedupCandidate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A people file whose duplicates lie across chunk borders (500 rows a chunk): the next chunk's companies
 * are read ahead while the one before it is decided (ADR 0022), and each row still ends as it did when
 * every chunk read its own blocks after the one before it committed.
 */
@QuarkusTest
class ImportChunkBordersTest {

    @Inject
    ImportJobs jobs;

    @Test
    void duplicatesAcrossChunkBordersEndAsWhenEachChunkReadItsOwnBlocks() {
        String u = letters();
        String zephyr = "Zephyr" + u;
        String quillon = "Quillon" + u;
        String marlowe = "Marlowe" + u;
        // a phone of this test alone: other tests' people with a like name and this phone would be this one
        String digits = String.format("%07d", System.nanoTime() % 10_000_000L);
        // a company the database holds before the file: its alike block is read ahead and left alone by the chunk before
        ImportRun before = jobs.importNow(ImportTestFiles.csv(List.of(List.of("familyName", "givenName", "email",
                        "organization"), List.of("Ferreira", "Ana", "ana." + u + "@example.pt", marlowe + " Ceramics")))
                .getBytes(StandardCharsets.UTF_8), "borders-0-" + u + ".csv", ImportKind.PEOPLE, null, "admin");
        assertThat(before.created).isEqualTo(1);

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("familyName", "givenName", "email", "phone", "organization"));
        for (int i = 1; i <= 1500; i++) {
            rows.add(switch (i) {
                // last row of the first chunk and first rows of the second: a company and one named alike,
                // the same person by e-mail, the same person by phone and name
                case 499 -> List.of("Lindqvist", "Astrid" + u, "", "+46 70 " + digits.substring(0, 3) + " "
                        + digits.substring(3, 5) + " " + digits.substring(5), "");
                case 500 -> List.of("Haddad", "Rami", "rami." + u + "@example.lb", "", zephyr + " Optics");
                case 501 -> List.of("Khoury", "Lina", "lina." + u + "@example.lb", "", zephyr + " Optic");
                case 502 -> List.of("Haddad", "Rami", " RAMI." + u.toUpperCase() + "@EXAMPLE.LB ", "", zephyr + " Optics");
                case 503 -> List.of("Lindqvist", "Astrid" + u, "", "+4670" + digits, "");
                case 504 -> List.of("Silva", "Rui", "rui." + u + "@example.pt", "", marlowe + " Ceramic");
                // across the second border
                case 1000 -> List.of("Nakamura", "Kenji", "kenji." + u + "@example.jp", "", quillon + " Tools");
                case 1001 -> List.of("Sato", "Yui", "yui." + u + "@example.jp", "", quillon + " Tool");
                case 1002 -> List.of("Nakamura", "Kenji", "kenji." + u + "@example.jp", "", quillon + " Tools");
                default -> List.of("Filler", "F" + u + i, "filler." + u + "." + i + "@example.org", "", "");
            });
        }
        ImportRun run = jobs.importNow(ImportTestFiles.csv(rows).getBytes(StandardCharsets.UTF_8),
                "borders-" + u + ".csv", ImportKind.PEOPLE, null, "admin");

        assertThat(run.status).isEqualTo(ImportRun.Status.DONE);
        // as before the read ahead (measured on the code before it): rows 502, 503 and 1002 merged into the
        // people rows 500, 499 and 1000 created in the chunk before
        assertThat(List.of(run.created, run.updated, run.merged, run.needsReview, run.unchanged, run.errors))
                .containsExactly(1497, 0, 3, 0, 0, 0);
        assertThat(alikePair(zephyr)).isTrue();
        assertThat(alikePair(quillon)).isTrue();
        assertThat(alikePair(marlowe)).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Person.count("givenName", "Astrid" + u))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Person.count("email", "rami." + u + "@example.lb")))
                .isEqualTo(1);
    }

    /** Two companies of that name, the later proposed as the likely duplicate of the earlier. */
    private static boolean alikePair(String name) {
        List<Organization> companies = QuarkusTransaction.requiringNew().call(() -> Organization.list(
                "name like ?1 order by id", name + "%"));
        assertThat(companies).as(name).hasSize(2);
        return QuarkusTransaction.requiringNew().call(() -> DedupCandidate.count(
                "kind = 'ORGANIZATION' and recordId = ?1 and candidateId = ?2", companies.get(1).id,
                companies.get(0).id)) == 1;
    }

    /** Letters only: a run of digits would be a name term of its own, shared by every name made with it. */
    private static String letters() {
        return String.format("%09d", System.nanoTime() % 1_000_000_000L).chars()
                .mapToObj(c -> String.valueOf((char) ('a' + c - '0'))).reduce("", String::concat);
    }
}
