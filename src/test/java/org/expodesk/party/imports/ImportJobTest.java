package org.expodesk.party.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.party.Organization;
import org.expodesk.party.Person;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/** The import job without HTTP: resuming after a lost node, and the entry point benchmarks use. */
@QuarkusTest
class ImportJobTest {

    @Inject
    Imports imports;

    @Inject
    ImportJobs jobs;

    @Test
    void aRunWhoseNodeWentAwayIsTakenOverAndCarriesOnAfterTheLastCommittedChunk() {
        String u = unique();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", "country"));
        for (String name : List.of("Amber Textiles", "Birch Logistics", "Cobalt Ceramics", "Dune Optics", "Ember Foods")) {
            rows.add(List.of(name + " " + u, "FR"));
        }
        ImportRun draft = imports.upload(ImportTestFiles.csv(rows).getBytes(StandardCharsets.UTF_8), "resume-" + u + ".csv",
                ImportKind.ORGANIZATIONS, null, "admin");
        // as if a node had committed the first two rows and then died ten minutes ago
        QuarkusTransaction.requiringNew().run(() -> {
            ImportRun run = ImportRun.findById(draft.id);
            run.status = ImportRun.Status.RUNNING;
            run.nextRow = 2;
            run.created = 2;
            run.claimedAt = Instant.now().minusSeconds(600);
        });

        assertThat(jobs.run(draft.id)).isTrue();

        ImportRun done = imports.get(draft.id);
        assertThat(done.status).isEqualTo(ImportRun.Status.DONE);
        assertThat(done.created).isEqualTo(5);
        assertThat(done.nextRow).isEqualTo(5);
        assertThat(done.content).isNull();
        long imported = QuarkusTransaction.requiringNew().call(() -> Organization.count("name like ?1", "% " + u));
        assertThat(imported).isEqualTo(3);
        // a run held by a live node is left alone
        assertThat(jobs.run(draft.id)).isFalse();
    }

    @Test
    void anUploadNobodyStartedIsDroppedWithItsFileAfterAWeek() {
        String u = unique();
        ImportRun draft = imports.upload(ImportTestFiles.csv(List.of(List.of("familyName", "email"),
                        List.of("Left" + u, "left" + u + "@example.org"))).getBytes(StandardCharsets.UTF_8),
                "left-" + u + ".csv", ImportKind.PEOPLE, null, "admin");
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> jobs.expireAbandoned(now));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ImportRun.<ImportRun>findById(draft.id).status))
                .isEqualTo(ImportRun.Status.UPLOADED);

        QuarkusTransaction.requiringNew().run(() -> jobs.expireAbandoned(now.plus(java.time.Duration.ofDays(8))));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ImportRun.<ImportRun>findById(draft.id).status))
                .isEqualTo(ImportRun.Status.EXPIRED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ImportRun.<ImportRun>findById(draft.id).content))
                .isNull();
    }

    @Test
    void aBenchmarkCanImportAFileWithoutHttp() {
        String u = unique();
        String text = ImportTestFiles.csv(List.of(List.of("familyName", "givenName", "email", "organization"),
                List.of("García", "Lucía", "lucia" + u + "@example.es", "Valencia " + u + " Azulejos SL"),
                List.of("Navarro", "Pablo", "pablo" + u + "@example.es", "Valencia " + u + " Azulejos S.L.")));
        ImportRun run = jobs.importNow(text.getBytes(StandardCharsets.UTF_8), "bench-" + u + ".csv", ImportKind.PEOPLE,
                null, "admin");
        assertThat(run.status).isEqualTo(ImportRun.Status.DONE);
        assertThat(run.created).isEqualTo(2);
        long companies = QuarkusTransaction.requiringNew().call(() -> Organization.count("name like ?1",
                "Valencia " + u + "%"));
        assertThat(companies).isEqualTo(1);
    }

    @Test
    void aPhoneTheCreateWouldRefuseIsThatRowsErrorAndTheRestOfItsChunkIsImported() {
        String u = unique();
        String text = ImportTestFiles.csv(List.of(List.of("familyName", "givenName", "email", "phone", "organization"),
                List.of("Moreau", "Claire", "claire" + u + "@example.fr", "+33 6 12 34 56 78", ""),
                List.of("Petit", "Louis", "louis" + u + "@example.fr", "+33 12", "Petit " + u + " Vins SARL"),
                List.of("Roux", "Emma", "emma" + u + "@example.fr", "+33 6 98 76 54 32", "")));
        ImportRun run = jobs.importNow(text.getBytes(StandardCharsets.UTF_8), "phones-" + u + ".csv", ImportKind.PEOPLE,
                null, "admin");
        assertThat(run.status).isEqualTo(ImportRun.Status.DONE);
        assertThat(run.created).isEqualTo(2);
        assertThat(run.errors).isEqualTo(1);
        List<ImportRowError> errors = QuarkusTransaction.requiringNew().call(() -> ImportRowError.list("importId",
                run.id));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.rowNo).isEqualTo(3);
            assertThat(e.field).isEqualTo("phone");
            assertThat(e.message).isEqualTo("party_phoneInvalid");
        });
        long louis = QuarkusTransaction.requiringNew().call(() -> Person.count("email", "louis" + u + "@example.fr"));
        assertThat(louis).isZero();
        // nothing of the refused row is left behind, not even its company
        long company = QuarkusTransaction.requiringNew().call(() -> Organization.count("name like ?1",
                "Petit " + u + "%"));
        assertThat(company).isZero();
    }

    @Test
    void aPhoneTheUpdateOfAKnownPersonWouldRefuseIsThatRowsErrorAndThePersonStaysAsTheyWere() {
        String u = unique();
        String first = ImportTestFiles.csv(List.of(List.of("familyName", "givenName", "email", "phone"),
                List.of("Lambert", "Chloé", "chloe" + u + "@example.fr", "+33 6 11 22 33 44")));
        assertThat(jobs.importNow(first.getBytes(StandardCharsets.UTF_8), "first-" + u + ".csv", ImportKind.PEOPLE,
                null, "admin").created).isEqualTo(1);
        // the same person again with a phone that is none, between two new people
        String again = ImportTestFiles.csv(List.of(List.of("familyName", "givenName", "email", "phone"),
                List.of("Garnier", "Hugo", "hugo" + u + "@example.fr", ""),
                List.of("Lambert", "Chloé", "chloe" + u + "@example.fr", "+33 12"),
                List.of("Fabre", "Inès", "ines" + u + "@example.fr", "")));
        ImportRun run = jobs.importNow(again.getBytes(StandardCharsets.UTF_8), "again-" + u + ".csv", ImportKind.PEOPLE,
                null, "admin");
        assertThat(run.status).isEqualTo(ImportRun.Status.DONE);
        assertThat(run.created).isEqualTo(2);
        assertThat(run.errors).isEqualTo(1);
        List<ImportRowError> errors = QuarkusTransaction.requiringNew().call(() -> ImportRowError.list("importId",
                run.id));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.rowNo).isEqualTo(3);
            assertThat(e.field).isEqualTo("phone");
            assertThat(e.message).isEqualTo("party_phoneInvalid");
        });
        Person chloe = QuarkusTransaction.requiringNew().call(() -> Person.<Person>find("email",
                "chloe" + u + "@example.fr").singleResult());
        assertThat(chloe.phoneE164).isEqualTo("+33611223344");
    }

    @Test
    void anOrganizationRowWithAPhoneTheCreateWouldRefuseIsThatRowsError() {
        String u = unique();
        String text = ImportTestFiles.csv(List.of(List.of("name", "country", "phone"),
                List.of("Garnet " + u + " Mills", "DE", "+49 30 1234567"),
                List.of("Hazel " + u + " Paper", "DE", "12"),
                List.of("Iris " + u + " Glass", "DE", "")));
        ImportRun run = jobs.importNow(text.getBytes(StandardCharsets.UTF_8), "org-phones-" + u + ".csv",
                ImportKind.ORGANIZATIONS, null, "admin");
        assertThat(run.status).isEqualTo(ImportRun.Status.DONE);
        assertThat(run.created).isEqualTo(2);
        assertThat(run.errors).isEqualTo(1);
        List<ImportRowError> errors = QuarkusTransaction.requiringNew().call(() -> ImportRowError.list("importId",
                run.id));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.rowNo).isEqualTo(3);
            assertThat(e.field).isEqualTo("phone");
        });
    }

    @Test
    void aLaterRowOfAChunkFindsThePersonAnEarlierRowCreatedByPhoneAndName() {
        String u = unique();
        String text = ImportTestFiles.csv(List.of(List.of("familyName", "givenName", "email", "phone", "organization"),
                List.of("Lindqvist", "Astrid" + u, "", "+46 70 123 45 67", "Nordic " + u + " Optics AB"),
                List.of("Lindqvist", "Astrid" + u, "", "+46701234567", "Nordic " + u + " Optics AB"),
                List.of("Astrid" + u, "Lindqvist", "", "+46 70-123 45 67", "")));
        ImportRun run = jobs.importNow(text.getBytes(StandardCharsets.UTF_8), "chunk-" + u + ".csv", ImportKind.PEOPLE,
                null, "admin");
        assertThat(run.status).isEqualTo(ImportRun.Status.DONE);
        assertThat(run.created).isEqualTo(1);
        assertThat(run.merged).isEqualTo(2);
        long people = QuarkusTransaction.requiringNew().call(() -> Person.count("givenName = ?1 or familyName = ?1",
                "Astrid" + u));
        assertThat(people).isEqualTo(1);
    }

    @Test
    void twoRowsOfAChunkWithOneEMailMakeOnePerson() {
        String u = unique();
        String text = ImportTestFiles.csv(List.of(List.of("familyName", "givenName", "email", "jobTitle", "organization"),
                List.of("Okafor", "Ngozi", "ngozi" + u + "@example.ng", "", "Lagos " + u + " Textiles Ltd"),
                List.of("Okafor", "Ngozi A.", " NGOZI" + u + "@EXAMPLE.NG ", "Buyer", "Lagos " + u + " Textiles")));
        ImportRun run = jobs.importNow(text.getBytes(StandardCharsets.UTF_8), "same-mail-" + u + ".csv",
                ImportKind.PEOPLE, null, "admin");
        assertThat(run.status).isEqualTo(ImportRun.Status.DONE);
        assertThat(run.created).isEqualTo(1);
        assertThat(run.created + run.merged + run.updated + run.unchanged).isEqualTo(2);
        List<Person> people = QuarkusTransaction.requiringNew().call(() -> Person.list("email",
                "ngozi" + u + "@example.ng"));
        assertThat(people).singleElement().satisfies(p -> assertThat(p.jobTitle).isEqualTo("Buyer"));
        // both spellings of the company are one company
        assertThat(QuarkusTransaction.requiringNew().call(() -> Organization.count("name like ?1",
                "Lagos " + u + "%"))).isEqualTo(1);
    }

    @Test
    void companiesAChunkNamesAreComparedWithThoseItCreatedBeforeThem() {
        String u = unique();
        String text = ImportTestFiles.csv(List.of(List.of("familyName", "givenName", "email", "organization"),
                List.of("Haddad", "Rami", "rami" + u + "@example.lb", "Zephyr" + u + " Optics"),
                List.of("Khoury", "Lina", "lina" + u + "@example.lb", "Zephyr" + u + " Optic")));
        ImportRun run = jobs.importNow(text.getBytes(StandardCharsets.UTF_8), "alike-" + u + ".csv",
                ImportKind.PEOPLE, null, "admin");
        assertThat(run.status).isEqualTo(ImportRun.Status.DONE);
        List<Organization> companies = QuarkusTransaction.requiringNew().call(() -> Organization.list(
                "name like ?1 order by id", "Zephyr" + u + "%"));
        assertThat(companies).hasSize(2);
        // the second, created in the same chunk as the first, is proposed as its likely duplicate
        long pairs = QuarkusTransaction.requiringNew().call(() -> org.expodesk.party.dedup.DedupCandidate.count(
                "kind = 'ORGANIZATION' and recordId = ?1 and candidateId = ?2", companies.get(1).id, companies.get(0).id));
        assertThat(pairs).isEqualTo(1);
    }

    @Test
    void aNamesakeWithAnAddressAtTheSameCompanyDomainGoesToReview() {
        String u = unique();
        String first = ImportTestFiles.csv(List.of(List.of("familyName", "givenName", "email"),
                List.of("Varga", "Bence" + u, "bence" + u + "@varga" + u + ".hu")));
        ImportRun one = jobs.importNow(first.getBytes(StandardCharsets.UTF_8), "namesake-1-" + u + ".csv",
                ImportKind.PEOPLE, null, "admin");
        assertThat(one.created).isEqualTo(1);
        String second = ImportTestFiles.csv(List.of(List.of("familyName", "givenName", "email"),
                List.of("Varga", "Bence" + u, "b.varga" + u + "@varga" + u + ".hu"),
                List.of("Varga", "Bence" + u, "bence.v" + u + "@example.org")));
        ImportRun two = jobs.importNow(second.getBytes(StandardCharsets.UTF_8), "namesake-2-" + u + ".csv",
                ImportKind.PEOPLE, null, "admin");
        // the same name at the same company domain is worth a look; the same name alone is not
        assertThat(two.needsReview).isEqualTo(1);
        assertThat(two.created).isEqualTo(1);
    }

    @Test
    void aNamesakeAtTheSameCompanyGoesToReviewAsOnAManualCreate() {
        String u = unique();
        String first = ImportTestFiles.csv(List.of(List.of("familyName", "givenName", "organization"),
                List.of("Novak", "Jana" + u, "Brno " + u + " Glass")));
        assertThat(jobs.importNow(first.getBytes(StandardCharsets.UTF_8), "colleague-1-" + u + ".csv",
                ImportKind.PEOPLE, null, "admin").created).isEqualTo(1);
        // read ahead by the chunk without a phone, the first one still counts as at the same company
        String second = ImportTestFiles.csv(List.of(List.of("familyName", "givenName", "jobTitle", "organization"),
                List.of("Novak", "Jana" + u, "Buyer", "Brno " + u + " Glass")));
        ImportRun run = jobs.importNow(second.getBytes(StandardCharsets.UTF_8), "colleague-2-" + u + ".csv",
                ImportKind.PEOPLE, null, "admin");
        assertThat(run.needsReview).isEqualTo(1);
        assertThat(run.created).isZero();
    }

    @Test
    void aZipBombDressedAsAWorkbookIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(spaces);
            }
        }
        assertThat(out.size()).isLessThan(512 * 1024);
        String u = unique();
        ImportTestFiles.upload(Api.adminToken(), out.toByteArray(), "bomb-" + u + ".xlsx", "organizations", Map.of())
                .statusCode(400).body("errors.field", hasItem("file"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ImportRun.count("fileName", "bomb-" + u + ".xlsx")))
                .isZero();
    }

    private static String unique() {
        return String.valueOf(100000 + System.nanoTime() % 900000);
    }
}
