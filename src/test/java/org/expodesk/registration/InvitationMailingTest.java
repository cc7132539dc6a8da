package org.expodesk.registration;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.mail.TestMail;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.MailServerResource;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Invitation codes mailed to a segment of people: counted first, one code and one mail each, never twice. */
@QuarkusTest
class InvitationMailingTest {

    @Test
    void eachPersonOfTheSegmentGetsOneCodeByMailInTheirLanguageAndSendingAgainMailsNobody() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        long org = TestOrganizations.create();
        String english = TestRegistrations.uniqueEmail("invited-en");
        String chinese = TestRegistrations.uniqueEmail("invited-zh");
        person("Miller", "Anna", org, english, "en");
        person("李", "娜", org, chinese, "zh-CN");
        person("Nomail", "Nora", org, null, null);
        String refusing = TestRegistrations.uniqueEmail("no-marketing");
        long refuser = person("Refuser", "Rita", org, refusing, "en");
        Api.asAdmin().body(Map.of("purpose", "MARKETING", "granted", false, "channel", "EMAIL",
                "at", "2026-10-02T08:00:00Z")).post("/api/people/" + refuser + "/consents").then().statusCode(201);
        long segment = peopleSegment(org);
        String mailings = "/api/exhibitions/" + exhibition + "/invitations/mailings";
        Map<String, Object> request = new HashMap<>(Map.of("segment", segment, "category", "buyer",
                "waivesVerification", true, "note", "Spring buyers"));

        Map<String, Object> dryRun = new HashMap<>(request);
        dryRun.put("dryRun", true);
        Api.asAdmin().body(dryRun).post(mailings).then().statusCode(200).body("members", equalTo(4))
                .body("withEmail", equalTo(3)).body("refusingMarketing", equalTo(1)).body("alreadyInvited", equalTo(0))
                .body("toMail", equalTo(2));
        Api.asAdmin().body(request).post(mailings).then().statusCode(200).body("codesMade", equalTo(2))
                .body("mailed", equalTo(2)).body("alreadyInvited", equalTo(0)).body("withoutEmail", equalTo(1))
                .body("refusingMarketing", equalTo(1));
        // again: the same codes, no mail
        Api.asAdmin().body(request).post(mailings).then().statusCode(200).body("codesMade", equalTo(0))
                .body("mailed", equalTo(0)).body("alreadyInvited", equalTo(2));
        Api.asAdmin().body(dryRun).post(mailings).then().statusCode(200).body("toMail", equalTo(0))
                .body("alreadyInvited", equalTo(2));

        TestMail.drain(InvitationMailings.PURPOSE + "%");
        List<MimeMessage> toEnglish = MailServerResource.receivedBy(english);
        List<MimeMessage> toChinese = MailServerResource.receivedBy(chinese);
        assertThat(toEnglish).hasSize(1);
        assertThat(toChinese).hasSize(1);
        assertThat(MailServerResource.receivedBy(refusing)).isEmpty();
        assertThat(toEnglish.get(0).getSubject()).startsWith("Your invitation to");
        assertThat(toChinese.get(0).getSubject()).endsWith("邀请函");
        assertThat(TestRegistrations.textOf(toChinese.get(0))).contains("您好");

        String invitation = invitationCode(toEnglish.get(0), code);
        JsonPath codes = Api.asAdmin().get("/api/exhibitions/" + exhibition + "/invitations").then().statusCode(200)
                .extract().jsonPath();
        assertThat(codes.getList("findAll { it.person != null }.code")).hasSize(2).contains(invitation);
        assertThat(codes.getBoolean("find { it.code == '" + invitation + "' }.waivesVerification")).isTrue();
        assertThat(codes.getString("find { it.code == '" + invitation + "' }.category")).isEqualTo("BUYER");

        // the code opens the category and waives the buyer's verification
        Map<String, Object> body = TestRegistrations.visitor(english);
        body.remove("category");
        body.put("invitationCode", invitation);
        TestRegistrations.register(code, body).then().statusCode(201).body("category", equalTo("BUYER"))
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    void badChoicesAreRefusedAndOnlyStaffMayMail() {
        long exhibition = TestExhibitions.june2027();
        long org = TestOrganizations.create();
        person("Guarded", "Gus", org, TestRegistrations.uniqueEmail("guarded"), "en");
        long segment = peopleSegment(org);
        long organizations = ((Number) Api.asAdmin().body(Map.of("name", "Orgs " + System.nanoTime(), "kind",
                "organizations", "filter", Map.of("countries", List.of("CN")))).post("/api/segments").then()
                .statusCode(201).extract().path("id")).longValue();
        String mailings = "/api/exhibitions/" + exhibition + "/invitations/mailings";

        Api.asAdmin().body(Map.of()).post(mailings).then().statusCode(400)
                .body("errors.field", hasItems("segment", "category"));
        Api.asAdmin().body(Map.of("segment", organizations, "category", "VIP")).post(mailings).then().statusCode(400)
                .body("errors[0].field", equalTo("segment"));
        Api.asAdmin().body(Map.of("segment", segment, "category", "NOPE")).post(mailings).then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
        Api.asAdmin().body(Map.of("segment", 99_999_999, "category", "VIP")).post(mailings).then().statusCode(400)
                .body("errors[0].field", equalTo("segment"));

        String exhibitor = TestUsers.exhibitor(org).token();
        Api.as(exhibitor).body(Map.of("segment", segment, "category", "VIP")).post(mailings).then().statusCode(403);
        given().contentType("application/json").body(Map.of("segment", segment, "category", "VIP")).post(mailings)
                .then().statusCode(401);
        Api.asAdmin().body(Map.of("segment", segment, "category", "VIP", "dryRun", true)).post(mailings).then()
                .statusCode(200).body("toMail", equalTo(1));
    }

    @Test
    void staffCountThenSendFromTheRegistrationPage() throws Exception {
        long exhibition = TestExhibitions.june2027();
        long org = TestOrganizations.create();
        String email = TestRegistrations.uniqueEmail("page-invited");
        person("Paige", "Pat", org, email, "en");
        long segment = peopleSegment(org);
        TestUsers.TestUser staff = TestUsers.staff();
        BrowserSession page = BrowserSession.signedIn(staff.username(), staff.password());
        String base = "/exhibitions/" + exhibition + "/registration";
        assertThat(page.get(base).asString()).contains("data-testid=\"invitation-mailing-form\"");

        Response counted = page.post(base + "/invitations/mailings", Map.of("segment", String.valueOf(segment),
                "category", "VIP", "action", "count"));
        assertThat(counted.statusCode()).isEqualTo(200);
        assertThat(counted.asString()).contains("data-testid=\"mailing-result\"", "would get an invitation now");
        TestMail.drain(InvitationMailings.PURPOSE + "%");
        assertThat(MailServerResource.receivedBy(email)).isEmpty();

        Response sent = page.post(base + "/invitations/mailings", Map.of("segment", String.valueOf(segment),
                "category", "VIP", "action", "send"));
        assertThat(sent.statusCode()).isEqualTo(303);
        Response refused = page.post(base + "/invitations/mailings", Map.of("segment", "", "category", "VIP",
                "action", "send"));
        assertThat(refused.statusCode()).isEqualTo(400);
        TestMail.drain(InvitationMailings.PURPOSE + "%");
        assertThat(MailServerResource.receivedBy(email)).hasSize(1);
    }

    private static long person(String family, String given, long org, String email, String language) {
        Map<String, Object> body = new HashMap<>(Map.of("familyName", family, "givenName", given, "organization", org));
        if (email != null) {
            body.put("email", email);
        }
        if (language != null) {
            body.put("language", language);
        }
        return ((Number) Api.asAdmin().body(body).post("/api/people").then().statusCode(201).extract().path("id"))
                .longValue();
    }

    private static long peopleSegment(long org) {
        return ((Number) Api.asAdmin().body(Map.of("name", "Invitees " + org + "-" + System.nanoTime(), "kind", "people",
                "filter", Map.of("organization", org))).post("/api/segments").then().statusCode(201).extract()
                .path("id")).longValue();
    }

    private static String invitationCode(MimeMessage mail, String editionCode) {
        Matcher m = Pattern.compile("/register/" + Pattern.quote(editionCode) + "\\?invitation=([A-Z0-9]{10})")
                .matcher(TestRegistrations.textOf(mail));
        assertThat(m.find()).as("registration link with the code").isTrue();
        return m.group(1);
    }
}
