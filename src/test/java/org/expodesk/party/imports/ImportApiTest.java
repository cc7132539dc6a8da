package org.expodesk.party.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.party.Organization;
import org.expodesk.party.Person;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expodesk.party.imports.ImportTestFiles.csv;
import static org.expodesk.party.imports.ImportTestFiles.importAndWait;
import static org.expodesk.party.imports.ImportTestFiles.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Importing customers from CSV and XLSX through the API: refusals, dedup, idempotency, encodings. */
@QuarkusTest
class ImportApiTest {

    @Inject
    Imports imports;

    @Test
    void aFileOverTheLimitIsRefusedWith413AndNothingIsWritten() {
        String u = unique();
        StringBuilder big = new StringBuilder("name,city\n");
        while (big.length() < 600 * 1024) {
            big.append("Big ").append(u).append(" Trading Co,Shanghai\n");
        }
        upload(Api.adminToken(), big.toString().getBytes(StandardCharsets.UTF_8), "big-" + u + ".csv", "organizations",
                Map.of()).statusCode(413).contentType("application/problem+json");
        assertNothingWritten(u);
    }

    @Test
    void aPictureNamedCsvAndALegacyXlsAreRefusedWith415() {
        String u = unique();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        upload(Api.adminToken(), png, "list-" + u + ".csv", "organizations", Map.of()).statusCode(415)
                .contentType("application/problem+json");
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        upload(Api.adminToken(), xls, "list-" + u + ".xls", "organizations", Map.of()).statusCode(415)
                .body("errors.field", hasItem("file"));
        assertNothingWritten(u);
    }

    @Test
    void anUnbalancedQuoteOrAMissingRequiredColumnIsReportedAndNothingIsWritten() {
        String u = unique();
        String broken = "name,city\n\"Quote " + u + " Ltd,Beijing\nOther " + u + " Ltd,Tianjin\n";
        upload(Api.adminToken(), broken.getBytes(StandardCharsets.UTF_8), "broken-" + u + ".csv", "organizations",
                Map.of()).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("file")).body("errors.field", hasItem("line"));
        String noName = csv(List.of(List.of("company_website", "town"), List.of("https://x" + u + ".example", "Xi'an")));
        upload(Api.adminToken(), noName.getBytes(StandardCharsets.UTF_8), "noname-" + u + ".csv", "organizations",
                Map.of()).statusCode(422).body("errors[0].field", equalTo("file"));
        upload(Api.adminToken(), "name\nA\n".getBytes(StandardCharsets.UTF_8), "kind-" + u + ".csv", "robots", Map.of())
                .statusCode(400).body("errors[0].field", equalTo("kind"));
        assertNothingWritten(u);
    }

    @Test
    void aMessyFileIsDedupedAgainstTheDatabaseAndItselfAndASecondRunChangesNothing() {
        String u = unique();
        long existing = ((Number) Api.asAdmin().body(Map.of("name", "Northwind " + u + " Traders GmbH", "country", "DE",
                        "city", "Hamburg", "website", "https://northwind" + u + ".example.de"))
                .post("/api/organizations").then().statusCode(201).extract().path("id")).longValue();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Name", "NAMELATIN", "creditCode", "country", "city", "website", "email", "phone"));
        rows.add(List.of("Northwind " + u + " Traders", "", "", "DE", "Hamburg", "northwind" + u + ".example.de/contact",
                "", "+49 40 555 0199"));
        rows.add(List.of("宁波" + u + "五金有限公司", "Ningbo " + u + " Hardware", "91330200NB" + u, "CN", "宁波", "", "", ""));
        rows.add(List.of("Northwind " + u + " Trading", "", "", "DE", "Hamburg", "", "", ""));
        rows.add(List.of("Broken Mail " + u + " Ltd", "", "", "GB", "Leeds", "", "not-an-address", ""));
        rows.add(List.of("Sunrise " + u + " Ceramics", "", "", "IT", "Modena", "", "info@sunrise" + u + ".example.it", ""));
        rows.add(List.of("Ningbo " + u + " Hardware Co., Ltd.", "", "91330200NB" + u, "CN", "Ningbo", "", "", ""));
        byte[] file = csv(rows).getBytes(StandardCharsets.UTF_8);

        Map<String, Object> first = importAndWait(file, "messy-" + u + ".csv", "organizations", Map.of());
        assertThat(first).containsEntry("status", "DONE").containsEntry("rows", 6).containsEntry("created", 2)
                .containsEntry("merged", 2).containsEntry("needsReview", 1).containsEntry("unchanged", 0)
                .containsEntry("progress", 100);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) first.get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).containsEntry("row", 5).containsEntry("field", "email");
        assertThat(organizationsNamed(u)).isEqualTo(4);
        // the sure match got the phone it lacked
        Api.asAdmin().get("/api/organizations/" + existing).then().body("phone", equalTo("+49 40 555 0199"));
        long lookalike = QuarkusTransaction.requiringNew().call(() -> Organization.<Organization>find("name",
                "Northwind " + u + " Trading").singleResult().id);
        List<Map<String, Object>> queue = Api.asAdmin().get("/api/dedup/candidates").then().extract().path("items");
        assertThat(queue).anyMatch(c -> ((Number) c.get("record")).longValue() == lookalike
                && ((Number) c.get("candidate")).longValue() == existing);

        Map<String, Object> second = importAndWait(file, "messy-" + u + ".csv", "organizations", Map.of());
        assertThat(second).containsEntry("status", "DONE").containsEntry("created", 0).containsEntry("merged", 0)
                .containsEntry("updated", 0).containsEntry("needsReview", 0).containsEntry("unchanged", 5);
        assertThat(organizationsNamed(u)).isEqualTo(4);
    }

    @Test
    void gb18030AndUtf8WithBomAreReadAndChineseNamesRoundTrip() {
        String u = unique();
        String text = csv(List.of(List.of("姓名", "邮箱", "职位", "公司"),
                List.of("欧阳娜娜", "nana" + u + "@example.cn", "采购经理", "苏州" + u + "丝绸有限公司"),
                List.of("王小明", "xm" + u + "@example.cn", "总经理", "苏州" + u + "丝绸有限公司")));
        Map<String, Object> gb = importAndWait(text.getBytes(Charset.forName("GB18030")), "gb-" + u + ".csv", "people",
                Map.of());
        assertThat(gb).containsEntry("created", 2).containsEntry("errors", List.of());
        Person nana = person("nana" + u + "@example.cn");
        assertThat(nana.familyName).isEqualTo("欧阳");
        assertThat(nana.givenName).isEqualTo("娜娜");
        assertThat(nana.jobTitle).isEqualTo("采购经理");
        Person xm = person("xm" + u + "@example.cn");
        assertThat(xm.familyName).isEqualTo("王");
        assertThat(xm.organizationId).isEqualTo(nana.organizationId).isNotNull();
        Api.asAdmin().get("/api/organizations/" + nana.organizationId).then().body("name", equalTo("苏州" + u + "丝绸有限公司"));

        String withBom = "\uFEFF" + csv(List.of(List.of("familyName", "givenName", "email"),
                List.of("李", "雷", "lilei" + u + "@example.cn")));
        Map<String, Object> bom = importAndWait(withBom.getBytes(StandardCharsets.UTF_8), "bom-" + u + ".csv", "people",
                Map.of());
        assertThat(bom).containsEntry("created", 1);
        Person lei = person("lilei" + u + "@example.cn");
        assertThat(lei.familyName).isEqualTo("李");
        assertThat(lei.givenName).isEqualTo("雷");
    }

    @Test
    void aPersonRowThatChangedUpdatesThePersonFoundByEmailWhateverItsCase() {
        String u = unique();
        String before = csv(List.of(List.of("familyName", "givenName", "email", "jobTitle"),
                List.of("Smith", "Mary", "mary" + u + "@example.com", "Buyer")));
        assertThat(importAndWait(before.getBytes(StandardCharsets.UTF_8), "p1-" + u + ".csv", "people", Map.of()))
                .containsEntry("created", 1);
        String after = csv(List.of(List.of("familyName", "givenName", "email", "jobTitle"),
                List.of("Smith", "Mary", "MARY" + u + "@Example.com", "Head of Purchasing")));
        assertThat(importAndWait(after.getBytes(StandardCharsets.UTF_8), "p2-" + u + ".csv", "people", Map.of()))
                .containsEntry("created", 0).containsEntry("updated", 1);
        assertThat(person("mary" + u + "@example.com").jobTitle).isEqualTo("Head of Purchasing");
    }

    @Test
    void anXlsxWorkbookIsImported() {
        String u = unique();
        byte[] book = ImportTestFiles.xlsx(List.of(List.of("name", "country", "city", "phone"),
                List.of("Lisbon " + u + " Cork Lda", "PT", "Lisboa", "+351 21 000 " + u.substring(0, 4)),
                List.of("Porto " + u + " Wines SA", "PT", "Porto", "")));
        Map<String, Object> report = importAndWait(book, "book-" + u + ".xlsx", "organizations", Map.of());
        assertThat(report).containsEntry("status", "DONE").containsEntry("created", 2);
        assertThat(organizationsNamed(u)).isEqualTo(2);
    }

    @Test
    void aSavedMappingIsReusedByNameAndTheRowReportDownloads() {
        String u = unique();
        String source = "Partner list " + u;
        String text = csv(List.of(List.of("Firma", "Stadt", "Mail"),
                List.of("Alpen " + u + " Maschinen AG", "Graz", "office@alpen" + u + ".example.at"),
                List.of("Donau " + u + " Logistik", "Linz", "kaputt")));
        byte[] file = text.getBytes(StandardCharsets.UTF_8);
        ImportRun draft = imports.upload(file, "partner-" + u + ".csv", ImportKind.ORGANIZATIONS, source, "admin");
        imports.map(draft.id, Map.of("Firma", "name", "Stadt", "city", "Mail", "email"), true);
        String report = Api.asAdmin().get("/api/imports/" + draft.id + "/errors.csv").then().statusCode(200)
                .extract().asString();
        assertThat(report).contains("\"3\"").contains("\"Mail\"");

        upload(Api.adminToken(), file, "again-" + u + ".csv", "organizations", Map.of()).statusCode(422);
        Map<String, Object> done = importAndWait(file, "again-" + u + ".csv", "organizations", Map.of("mapping", source));
        assertThat(done).containsEntry("created", 1);
        long id = ((Number) done.get("id")).longValue();
        String errors = Api.asAdmin().get("/api/imports/" + id + "/errors.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(errors).contains("\"3\",\"email\"");
        assertThat(organizationsNamed(u)).isEqualTo(1);
    }

    @Test
    void exhibitorsCannotImportNorReadImports() {
        String u = unique();
        var exhibitor = TestUsers.exhibitor(TestOrganizations.create());
        String token = Api.token(exhibitor.username(), exhibitor.password());
        upload(token, ("name\nExhibitor " + u + " Ltd\n").getBytes(StandardCharsets.UTF_8), "ex-" + u + ".csv",
                "organizations", Map.of()).statusCode(403);
        Map<String, Object> done = importAndWait(("name\nStaff " + u + " Ltd\n").getBytes(StandardCharsets.UTF_8),
                "staff-" + u + ".csv", "organizations", Map.of());
        Api.as(token).get("/api/imports/" + done.get("id")).then().statusCode(403);
        Api.as(token).get("/api/imports/" + done.get("id") + "/errors.csv").then().statusCode(403);
        assertThat(organizationsNamed("Exhibitor " + u)).isZero();
    }

    private static void assertNothingWritten(String u) {
        assertThat(organizationsNamed(u)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ImportRun.count("fileName like ?1", "%" + u + "%")))
                .isZero();
    }

    private static long organizationsNamed(String part) {
        return QuarkusTransaction.requiringNew().call(() -> Organization.count("name like ?1 or nameLatin like ?1",
                "%" + part + "%"));
    }

    private static Person person(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Person.<Person>find("email", email).singleResult());
    }

    private static String unique() {
        return String.valueOf(100000 + System.nanoTime() % 900000);
    }
}
