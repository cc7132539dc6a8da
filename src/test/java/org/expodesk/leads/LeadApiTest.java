package org.expodesk.leads;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.expodesk.badge.BadgeCodes;
import org.expodesk.badge.TestBadges;
import org.expodesk.checkin.TestCheckins;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The leads API: scanning with consent and without, refusals, the offline batch, edits, exports, counts, owners. */
@QuarkusTest
class LeadApiTest {

    private static String leads(long exhibition) {
        return "/api/exhibitions/" + exhibition + "/leads";
    }

    /** The code with one character changed so that it still decodes: the signature no longer matches. */
    static String tampered(String code) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int at = code.length() - 6;
        for (char c : alphabet.toCharArray()) {
            String t = code.substring(0, at) + c + code.substring(at + 1);
            if (c != code.charAt(at) && BadgeCodes.parse(t).payload() != null) {
                return t;
            }
        }
        throw new AssertionError("no tampered variant of " + code);
    }

    private static long scan(String token, long exhibition, String code, int status) {
        return ((Number) Api.as(token).body(Map.of("code", code)).post(leads(exhibition)).then().statusCode(status)
                .extract().path("lead.id")).longValue();
    }

    @Test
    void aConsentingVisitorIsALeadOnceWithContactDataAndAVisitInTheCustomerDatabase() {
        long exhibition = TestExhibitions.june2027();
        TestLeads.Booth booth = TestLeads.booth(exhibition);
        TestLeads.Visitor visitor = TestLeads.visitor(exhibition, "Mei", true);
        String token = booth.token();

        long id = ((Number) Api.as(token).body(Map.of("code", visitor.code(), "scanId", "scan-" + TestLeads.unique()))
                .post(leads(exhibition)).then().statusCode(201)
                .header("Location", containsString(leads(exhibition) + "/"))
                .body("outcome", equalTo("CREATED"))
                .body("lead.consent", equalTo(true))
                .body("lead.name", equalTo(visitor.name()))
                .body("lead.organization", equalTo(visitor.organization()))
                .body("lead.email", equalTo(visitor.email()))
                .body("lead.category", equalTo("PROFESSIONAL"))
                .extract().path("lead.id")).longValue();

        // the same visitor again opens the same lead
        Api.as(token).body(Map.of("code", visitor.code())).post(leads(exhibition)).then().statusCode(200)
                .body("outcome", equalTo("EXISTING")).body("lead.id", equalTo((int) id));
        Api.as(token).get(leads(exhibition)).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].name", equalTo(visitor.name()));

        Api.asAdmin().get("/api/people/" + visitor.person() + "/interactions").then().statusCode(200)
                .body("findAll { it.kind == 'VISIT' }.summary", org.hamcrest.Matchers.hasItem(containsString(booth.name())));
        Api.asAdmin().get("/api/organizations/" + booth.organization() + "/interactions").then().statusCode(200)
                .body("findAll { it.kind == 'NOTE' }.summary", org.hamcrest.Matchers.hasItem(containsString(
                        "badge " + visitor.badge().badge().id)))
                .body("findAll { it.kind == 'NOTE' }.summary", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        containsString(visitor.name()))));

        LeadCounts counts = Arc.container().instance(LeadCounts.class).get();
        assertThat(counts.leadCount(booth.organization(), exhibition)).isEqualTo(1);
        assertThat(counts.leadCounts(exhibition)).containsEntry(booth.organization(), 1L);
    }

    @Test
    void withoutConsentTheExhibitorSeesBadgeAndCategoryOnlyEverywhere() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestLeads.Booth booth = TestLeads.booth(exhibition);
        TestLeads.Visitor refused = TestLeads.visitor(exhibition, "Refusing", false);
        TestLeads.Visitor silent = TestLeads.visitor(exhibition, "Silent", null);
        TestLeads.Visitor sharing = TestLeads.visitor(exhibition, "Sharing", true);
        String token = booth.token();
        for (TestLeads.Visitor v : List.of(refused, silent)) {
            Api.as(token).body(Map.of("code", v.code())).post(leads(exhibition)).then().statusCode(201)
                    .body("lead.consent", equalTo(false))
                    .body("lead.badgeId", equalTo(v.badge().badge().id.intValue()))
                    .body("lead.category", equalTo("PROFESSIONAL"))
                    .body("lead.name", nullValue()).body("lead.organization", nullValue())
                    .body("lead.email", nullValue()).body("lead.phone", nullValue()).body("lead.jobTitle", nullValue());
        }
        scan(token, exhibition, sharing.code(), 201);
        String list = Api.as(token).get(leads(exhibition)).then().statusCode(200).body("total", equalTo(3))
                .extract().asString();
        assertThat(list).contains(sharing.name()).doesNotContain(refused.name()).doesNotContain(silent.name())
                .doesNotContain(refused.email()).doesNotContain(refused.organization()).doesNotContain(silent.email());

        String csv = Api.as(token).get(leads(exhibition) + "/export.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).contains(sharing.name()).contains(sharing.email())
                .contains(String.valueOf(refused.badge().badge().id))
                .doesNotContain(refused.name()).doesNotContain(refused.email()).doesNotContain(refused.organization())
                .doesNotContain(silent.name()).doesNotContain(silent.email());

        byte[] xlsx = Api.as(token).get(leads(exhibition) + "/export.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            StringBuilder all = new StringBuilder();
            sheet.forEach(row -> row.forEach(cell -> all.append(cell.toString()).append('|')));
            assertThat(all.toString()).contains(sharing.email()).doesNotContain(refused.email())
                    .doesNotContain(silent.name());
        }

        String vcf = new String(Api.as(token).get(leads(exhibition) + "/export.vcf").then().statusCode(200)
                .contentType(containsString("text/vcard")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(vcf).contains("BEGIN:VCARD").contains("FN:" + sharing.name()).contains(sharing.email())
                .doesNotContain(refused.name()).doesNotContain(silent.name());
        assertThat(vcf.split("BEGIN:VCARD", -1)).hasSize(2);

        // and nothing about them lands in the customer database as the exhibitor's interaction
        Api.asAdmin().get("/api/people/" + refused.person() + "/interactions").then().statusCode(200)
                .body("findAll { it.kind == 'VISIT' }", hasSize(0));
    }

    @Test
    void aForgedForeignRevokedOrGarbageCodeIsRefusedWithItsReason() {
        long exhibition = TestExhibitions.june2027();
        long other = TestExhibitions.june2027();
        TestLeads.Booth booth = TestLeads.booth(exhibition);
        TestLeads.Visitor visitor = TestLeads.visitor(exhibition, "Genuine", true);
        TestLeads.Visitor foreign = TestLeads.visitor(other, "Foreign", true);
        TestLeads.Visitor revoked = TestLeads.visitor(exhibition, "Revoked", true);
        TestBadges.badges().revoke(revoked.badge().badge().id, "lost", "test");
        String token = booth.token();

        Map<String, String> refusals = Map.of(
                tampered(visitor.code()), "Forged or altered badge",
                foreign.code(), "A badge of another edition",
                revoked.code(), "This badge has been revoked",
                "XD:" + "Z".repeat(500), "Not a badge code of this show",
                "hello, world", "Not a badge code of this show");
        refusals.forEach((code, reason) -> Api.as(token).body(Map.of("code", code)).post(leads(exhibition)).then()
                .statusCode(422).contentType(containsString("problem+json")).body("detail", equalTo(reason)));
        Api.as(token).body(Map.of("code", " ")).post(leads(exhibition)).then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        Api.as(token).body(Map.of("code", visitor.code(), "scanId", "no spaces allowed")).post(leads(exhibition))
                .then().statusCode(400).body("errors[0].field", equalTo("scanId"));
        Api.as(token).get(leads(exhibition)).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aBatchFromTheOfflineQueueRecordsEachScanIdOnceAndRefusesItemsOnTheirOwn() {
        long exhibition = TestExhibitions.june2027();
        TestLeads.Booth booth = TestLeads.booth(exhibition);
        TestLeads.Visitor first = TestLeads.visitor(exhibition, "Batch", true);
        TestLeads.Visitor second = TestLeads.visitor(exhibition, "Offline", false);
        String token = booth.token();
        String u = TestLeads.unique();
        List<Map<String, Object>> scans = List.of(
                Map.of("code", first.code(), "scanId", "a-" + u, "scannedAt", "2026-06-15T02:00:00Z"),
                Map.of("code", second.code(), "scanId", "b-" + u, "scannedAt", "2026-06-15T02:01:00Z"),
                Map.of("code", first.code(), "scanId", "c-" + u, "scannedAt", "2026-06-15T02:02:00Z"),
                Map.of("code", "garbage", "scanId", "d-" + u));
        for (int round = 0; round < 2; round++) {
            // the second round is the same upload sent again after its answer was lost
            Api.as(token).body(Map.of("scans", scans)).post(leads(exhibition) + "/batch").then().statusCode(200)
                    .body("results", hasSize(4))
                    .body("results[0].outcome", equalTo(round == 0 ? "CREATED" : "EXISTING"))
                    .body("results[1].outcome", equalTo(round == 0 ? "CREATED" : "EXISTING"))
                    .body("results[1].lead.name", nullValue())
                    .body("results[2].outcome", equalTo("EXISTING"))
                    .body("results[3].outcome", equalTo("REFUSED"))
                    .body("results[3].reason", equalTo("MALFORMED"))
                    .body("results[3].message", equalTo("Not a badge code of this show"));
        }
        Api.as(token).get(leads(exhibition)).then().statusCode(200).body("total", equalTo(2))
                .body("items.find { it.name == '" + first.name() + "' }.firstScannedAt", equalTo("2026-06-15T02:00:00Z"))
                .body("items.find { it.name == '" + first.name() + "' }.lastScannedAt", equalTo("2026-06-15T02:02:00Z"));
        assertThat(LeadScan.count("organizationId", booth.organization())).isEqualTo(3);

        Api.as(token).body(Map.of("scans", List.of(Map.of("code", first.code()), Map.of("scanId", "x")))).post(
                leads(exhibition) + "/batch").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("scans[0].scanId", "scans[1].code"));
    }

    @Test
    void theExhibitorRatesNotesTagsAndAnswersItsOwnQuestions() {
        long exhibition = TestExhibitions.june2027();
        TestLeads.Booth booth = TestLeads.booth(exhibition);
        TestLeads.Visitor visitor = TestLeads.visitor(exhibition, "Rated", true);
        String token = booth.token();
        long lead = scan(token, exhibition, visitor.code(), 201);
        String questions = leads(exhibition) + "/questions";

        Api.as(token).body(Map.of("kind", "CHOICE", "label", "Budget", "choices", List.of("only one")))
                .post(questions).then().statusCode(400).body("errors[0].field", equalTo("choices"));
        Api.as(token).body(Map.of("kind", "MAYBE", "label", "Odd")).post(questions).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        long budget = ((Number) Api.as(token).body(Map.of("kind", "CHOICE", "label", "Budget",
                        "choices", List.of("< 10k", "10k-100k", "> 100k")))
                .post(questions).then().statusCode(201).body("choices", hasSize(3)).extract().path("id")).longValue();
        long samples = ((Number) Api.as(token).body(Map.of("kind", "YES_NO", "label", "Wants samples"))
                .post(questions).then().statusCode(201).extract().path("id")).longValue();
        long interest = ((Number) Api.as(token).body(Map.of("kind", "TEXT", "label", "Interested in"))
                .post(questions).then().statusCode(201).extract().path("id")).longValue();
        Api.as(token).get(questions).then().statusCode(200).body("items.label", equalTo(List.of("Budget",
                "Wants samples", "Interested in")));

        int version = Api.as(token).get(leads(exhibition) + "/" + lead).then().statusCode(200).extract().path("version");
        Map<String, Object> change = new HashMap<>();
        change.put("version", version);
        change.put("rating", "HOT");
        change.put("notes", "Wants 2,000 lanterns before Golden Week");
        change.put("tags", "lanterns, export ,lanterns");
        change.put("answers", Map.of(String.valueOf(budget), "> 100k", String.valueOf(samples), "yes",
                String.valueOf(interest), "Paper lanterns"));
        Api.as(token).body(change).patch(leads(exhibition) + "/" + lead).then().statusCode(200)
                .body("rating", equalTo("HOT")).body("tags", equalTo("lanterns, export"))
                .body("notes", equalTo("Wants 2,000 lanterns before Golden Week"))
                .body("answers.answer", equalTo(List.of("> 100k", "YES", "Paper lanterns")));

        // a stale version, a rating that is none, an answer outside the choices: refused, nothing lost
        Api.as(token).body(change).patch(leads(exhibition) + "/" + lead).then().statusCode(409);
        Api.as(token).body(Map.of("version", version + 1, "rating", "LUKEWARM")).patch(leads(exhibition) + "/" + lead)
                .then().statusCode(400).body("errors[0].field", equalTo("rating"));
        Api.as(token).body(Map.of("version", version + 1, "answers", Map.of(String.valueOf(budget), "lots")))
                .patch(leads(exhibition) + "/" + lead).then().statusCode(400)
                .body("errors[0].field", equalTo("answers." + budget));
        Api.as(token).body(Map.of("version", version + 1, "answers", Map.of("999999999", "x")))
                .patch(leads(exhibition) + "/" + lead).then().statusCode(400)
                .body("errors[0].field", equalTo("answers.999999999"));
        Api.as(token).get(leads(exhibition) + "/" + lead).then().statusCode(200).body("rating", equalTo("HOT"))
                .body("answers", hasSize(3));

        // a removed question's answer is no longer shown
        Api.as(token).delete(questions + "/" + interest).then().statusCode(204);
        Api.as(token).get(leads(exhibition) + "/" + lead).then().statusCode(200).body("answers", hasSize(2));
    }

    @Test
    void anotherExhibitorStaffScannersAndAnonymousAreKeptOut() {
        long exhibition = TestExhibitions.june2027();
        TestLeads.Booth booth = TestLeads.booth(exhibition);
        TestLeads.Booth rival = TestLeads.booth(exhibition);
        long notExhibiting = org.expodesk.party.TestOrganizations.create();
        String outsider = TestUsers.exhibitor(notExhibiting).token();
        TestLeads.Visitor visitor = TestLeads.visitor(exhibition, "Private", true);
        String token = booth.token();
        long lead = scan(token, exhibition, visitor.code(), 201);
        Api.as(token).body(Map.of("kind", "TEXT", "label", "Secret question")).post(leads(exhibition) + "/questions")
                .then().statusCode(201);
        Api.as(token).body(Map.of("version", 0, "notes", "Confidential: margin 12%")).patch(leads(exhibition) + "/" + lead)
                .then().statusCode(200);
        String rivalToken = rival.token();

        // another exhibitor of the same edition: the lead is not found, its own list is empty
        Api.as(rivalToken).get(leads(exhibition) + "/" + lead).then().statusCode(404);
        Api.as(rivalToken).body(Map.of("version", 1, "notes", "mine now")).patch(leads(exhibition) + "/" + lead)
                .then().statusCode(404);
        Api.as(rivalToken).get(leads(exhibition)).then().statusCode(200).body("total", equalTo(0));
        Api.as(rivalToken).get(leads(exhibition) + "/questions").then().statusCode(200).body("items", hasSize(0));
        String rivalCsv = Api.as(rivalToken).get(leads(exhibition) + "/export.csv").then().statusCode(200)
                .extract().asString();
        assertThat(rivalCsv).doesNotContain(visitor.name()).doesNotContain("Confidential");
        // an organization not exhibiting at the edition: the edition is not found for it
        Api.as(outsider).get(leads(exhibition)).then().statusCode(404);
        Api.as(outsider).body(Map.of("code", visitor.code())).post(leads(exhibition)).then().statusCode(404);
        Api.as(outsider).get(leads(exhibition) + "/export.vcf").then().statusCode(404);

        // staff: counts only, never the leads or their notes
        String staff = TestUsers.staff().token();
        Api.as(staff).get(leads(exhibition)).then().statusCode(403);
        Api.as(staff).get(leads(exhibition) + "/" + lead).then().statusCode(403);
        Api.as(staff).get(leads(exhibition) + "/export.csv").then().statusCode(403);
        String counts = Api.as(staff).get(leads(exhibition) + "/counts").then().statusCode(200)
                .body("items.find { it.organizationId == " + booth.organization() + " }.leads", equalTo(1))
                .body("items.find { it.organizationId == " + rival.organization() + " }.leads", equalTo(0))
                .body("total", equalTo(1)).extract().asString();
        assertThat(counts).doesNotContain("Confidential").doesNotContain(visitor.name());
        Api.as(staff).get("/api/exhibitions/999999999/leads/counts").then().statusCode(404);
        Api.as(token).get(leads(exhibition) + "/counts").then().statusCode(403);

        // scanner devices and anonymous callers
        String scanner = TestCheckins.deviceToken(exhibition, "Booth scanner " + TestLeads.unique(), "main");
        Api.as(scanner).get(leads(exhibition)).then().statusCode(403);
        Api.as(scanner).body(Map.of("code", visitor.code())).post(leads(exhibition)).then().statusCode(403);
        Api.as(scanner).get(leads(exhibition) + "/counts").then().statusCode(403);
        given().get(leads(exhibition)).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("code", visitor.code())).post(leads(exhibition))
                .then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("scans", List.of())).post(leads(exhibition) + "/batch")
                .then().statusCode(401);
        given().get(leads(exhibition) + "/counts").then().statusCode(401);
        Api.as(token).get(leads(exhibition) + "/" + lead).then().statusCode(200).body("notes", notNullValue())
                .body("notes", not(equalTo("mine now")));
    }
}
