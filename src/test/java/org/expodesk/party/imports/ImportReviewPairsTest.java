package org.expodesk.party.imports;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.party.Organization;
import org.expodesk.party.Organizations;
import org.expodesk.party.dedup.DedupCandidate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review pairs of the companies a people file creates are written in one batch per chunk: each is the
 * pair a manual create proposes, with its own id and its own audit entry, as when each was written alone.
 */
@QuarkusTest
class ImportReviewPairsTest {

    @Inject
    ImportJobs jobs;

    @Inject
    Organizations organizations;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void pairsOfNewCompaniesAreWrittenWithTheirIdsAndAuditEntries() throws Exception {
        String u = letters();
        String name = "Vantorel" + u;
        String other = "Quessant" + u;
        ImportRun run = jobs.importNow(ImportTestFiles.csv(List.of(List.of("familyName", "givenName", "email",
                        "organization"),
                List.of("Haddad" + u, "Rami", "rami." + u + "@example.lb", name + " Optics"),
                List.of("Khoury" + u, "Lina", "lina." + u + "@example.lb", name + " Optic"),
                List.of("Sato" + u, "Yui", "yui." + u + "@example.jp", other + " Optics")))
                .getBytes(StandardCharsets.UTF_8), "pairs-" + u + ".csv", ImportKind.PEOPLE, null, "admin");
        assertThat(run.status).isEqualTo(ImportRun.Status.DONE);
        assertThat(List.of(run.created, run.updated, run.merged, run.needsReview, run.unchanged, run.errors))
                .containsExactly(3, 0, 0, 0, 0, 0);

        // (people of their own names: namesakes of other tests' people at alike companies would be their likely duplicates)
        // the same kind of pair proposed by a manual create, written by Hibernate
        long manual = QuarkusTransaction.requiringNew().call(() -> organizations.createOrMatch(
                ImportChunks.company(other + " Optic")).organization().id);

        List<Organization> companies = QuarkusTransaction.requiringNew().call(() -> Organization.list(
                "name like ?1 order by id", name + "%"));
        assertThat(companies).hasSize(2);
        List<DedupCandidate> imported = QuarkusTransaction.requiringNew().call(() -> DedupCandidate.list(
                "kind = 'ORGANIZATION' and recordId = ?1 order by id", companies.get(1).id));
        // the second company proposed as alike the first; other tests' "… Optic(s)" companies in the suite's one
        // database may be proposed beside it, depending on which ran before (whether "optic" is a rare term then)
        assertThat(imported).extracting(c -> c.candidateId).contains(companies.get(0).id).doesNotHaveDuplicates();
        List<DedupCandidate> manualPairs = QuarkusTransaction.requiringNew().call(() -> DedupCandidate.list(
                "kind = 'ORGANIZATION' and recordId = ?1", manual));
        assertThat(manualPairs).isNotEmpty();

        String manualChanges = auditChanges(manualPairs.get(0).id);
        for (DedupCandidate c : imported) {
            assertThat(c.status).isEqualTo(DedupCandidate.OPEN);
            assertThat(c.createdAt).isNotNull();
            assertThat(c.score).isNotNull();
            String changes = auditChanges(c.id);
            assertThat(changes).as("audit entry of pair " + c.id).isNotNull()
                    .contains("\"recordId\":\"" + c.recordId + "\"", "\"candidateId\":\"" + c.candidateId + "\"",
                            "\"score\":\"" + c.score.toPlainString() + "\"");
            // the same fields as the entry of a pair Hibernate wrote
            assertThat(fields(changes)).isEqualTo(fields(manualChanges));
        }
    }

    /** The changes of the one CREATE entry of this review pair. */
    private String auditChanges(long pairId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT changes"
                + " FROM audit_log WHERE action = 'CREATE' AND entity_type = 'DedupCandidate' AND entity_id = ?")) {
            q.setString(1, String.valueOf(pairId));
            try (ResultSet rs = q.executeQuery()) {
                String changes = rs.next() ? rs.getString(1) : null;
                assertThat(rs.next()).as("one entry for pair " + pairId).isFalse();
                return changes;
            }
        }
    }

    private static List<String> fields(String changes) {
        return java.util.regex.Pattern.compile("\"(\\w+)\":").matcher(changes).results().map(m -> m.group(1)).toList();
    }

    /** Letters only: a run of digits would be a name term of its own, shared by every name made with it. */
    private static String letters() {
        return String.format("%09d", System.nanoTime() % 1_000_000_000L).chars()
                .mapToObj(c -> String.valueOf((char) ('a' + c - '0'))).reduce("", String::concat);
    }
}
