package org.expodesk.registration.exhibitor;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.mail.TestMail;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.MailServerResource;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Booth staff get their badges: added, mailed with the PDF, printed together, revoked when removed. */
@QuarkusTest
class StaffBadgesTest {

    @Test
    void aStaffMemberAddedGetsAValidExhibitorBadgeByMailAndLosesItWhenRemoved() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestApplications.Applicant a = TestApplications.applicant(exhibition, 18, true);
        String exhibitor = a.token();
        String staff = "/api/exhibitor-applications/" + a.application() + "/staff";
        String email = "booth-" + TestApplications.unique() + "@lantern.test";

        var added = Api.as(exhibitor).body(Map.of("name", "李明", "email", email, "role", "Sales")).post(staff)
                .then().statusCode(201).extract();
        long staffId = ((Number) added.path("id")).longValue();
        long badgeId = ((Number) added.path("badge")).longValue();
        Api.as(exhibitor).get("/api/badges/" + badgeId).then().statusCode(200)
                .body("state", equalTo("VALID")).body("category.code", equalTo("EXHIBITOR"))
                .body("holder.name", equalTo("李明")).body("holder.organizationId", equalTo((int) a.organization()));

        TestMail.drain(StaffBadges.PURPOSE + "%");
        List<MimeMessage> mails = MailServerResource.receivedBy(email);
        assertThat(mails).hasSize(1);
        byte[] pdf = MailServerResource.attachment(mails.get(0));
        assertThat(pdf).isNotNull();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("李明");
        }
        assertThat(TestApplications.text(mails.get(0))).contains("/badges/");

        Api.as(exhibitor).body(Map.of("name", "Second Hand", "email", "second-" + email)).post(staff)
                .then().statusCode(201);
        byte[] all = Api.as(exhibitor).get(staff + "/badges.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(all)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }

        Api.as(exhibitor).delete(staff + "/" + staffId).then().statusCode(204);
        Api.as(exhibitor).get("/api/badges/" + badgeId).then().statusCode(200).body("state", equalTo("REVOKED"));
        byte[] rest = Api.as(exhibitor).get(staff + "/badges.pdf").then().statusCode(200).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(rest)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void anExhibitorCannotTakeOverAVisitorsBadgeByTypingTheirAddress() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestApplications.Applicant a = TestApplications.applicant(exhibition, 18, true);
        String visitor = org.expodesk.registration.TestRegistrations.uniqueEmail("visitor");
        long badge = ((Number) org.expodesk.registration.TestRegistrations.register(
                        org.expodesk.registration.TestRegistrations.code(exhibition),
                        org.expodesk.registration.TestRegistrations.visitor(visitor))
                .then().statusCode(201).extract().path("badge.id")).longValue();

        Api.as(a.token()).body(Map.of("name", "Not Mine", "email", visitor))
                .post("/api/exhibitor-applications/" + a.application() + "/staff").then().statusCode(409)
                .contentType("application/problem+json");

        Api.asAdmin().get("/api/badges/" + badge).then().statusCode(200).body("state", equalTo("VALID"))
                .body("category.code", equalTo("VISITOR"));
        Api.as(a.token()).get("/api/exhibitor-applications/" + a.application() + "/staff").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void erasingAStaffMembersDataRevokesTheBadgeAndLeavesNoNameOnIt() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestApplications.Applicant a = TestApplications.applicant(exhibition, 18, true);
        String staff = "/api/exhibitor-applications/" + a.application() + "/staff";
        String email = "erase-" + TestApplications.unique() + "@lantern.test";
        long badgeId = ((Number) Api.as(a.token()).body(Map.of("name", "Jana Novak", "email", email)).post(staff)
                .then().statusCode(201).extract().path("badge")).longValue();
        long person = ((Number) Api.asAdmin().get("/api/badges/" + badgeId).then().statusCode(200)
                .extract().path("holder.personId")).longValue();

        Api.asAdmin().body(Map.of("reason", "asked by e-mail")).post("/api/people/" + person + "/erase")
                .then().statusCode(200);

        Api.asAdmin().get("/api/badges/" + badgeId).then().statusCode(200).body("state", equalTo("REVOKED"))
                .body("holder.name", equalTo("[erased]"));
        Api.as(a.token()).get(staff).then().statusCode(200).body("items[0].name", equalTo("[erased]"))
                .body("items[0].email", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("erase-")));
        String applications = Api.asAdmin().get("/api/exhibitor-applications/" + a.application()).then()
                .statusCode(200).extract().asString();
        assertThat(applications).contains(a.email());
    }

    @Test
    void anotherExhibitorCannotPrintTheStaffBadges() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestApplications.Applicant a = TestApplications.applicant(exhibition, 18, true);
        String other = TestUsers.exhibitor(TestOrganizations.create()).token();
        String path = "/api/exhibitor-applications/" + a.application() + "/staff/badges.pdf";
        Api.as(other).get(path).then().statusCode(404);
        io.restassured.RestAssured.given().get(path).then().statusCode(401);
        Api.as(a.token()).get(path + "?layout=POSTER").then().statusCode(400);
    }
}
