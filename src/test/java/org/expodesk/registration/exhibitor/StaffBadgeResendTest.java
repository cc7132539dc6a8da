package org.expodesk.registration.exhibitor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.mail.TestMail;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.MailServerResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The portal mails a staff member's badge again: each resend a new mail, a double click one; others' staff 404. */
@QuarkusTest
class StaffBadgeResendTest {

    @Test
    void aResendIsANewMailWithAWorkingLinkButADoubleClickSendsOne() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestApplications.Applicant a = TestApplications.applicant(exhibition, 18, true);
        String staff = "/api/exhibitor-applications/" + a.application() + "/staff";
        String email = "resend-" + TestApplications.unique() + "@lantern.test";
        long staffId = ((Number) Api.as(a.token()).body(Map.of("name", "Wang Fang", "email", email)).post(staff)
                .then().statusCode(201).extract().path("id")).longValue();

        Api.as(a.token()).post(staff + "/" + staffId + "/badge-mail").then().statusCode(202)
                .body("queued", equalTo(1)).body("skipped", equalTo(0));
        // two clicks at once, moments after: the second waits on the application's lock and sends nothing
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clicks.add(pool.submit((Callable<Integer>) () -> Api.as(a.token())
                        .post(staff + "/" + staffId + "/badge-mail").then().statusCode(202).extract().path("queued")));
            }
            assertThat(clicks.get(0).get() + clicks.get(1).get()).isZero();
        } finally {
            pool.shutdown();
        }
        // later, a resend is a mail of its own again
        QuarkusTransaction.requiringNew().run(() -> BoothStaff.<BoothStaff>findById(staffId).badgeMailedAt =
                Instant.now().minusSeconds(3600));
        Api.as(a.token()).post(staff + "/badge-mails").then().statusCode(202).body("queued", equalTo(1));

        TestMail.drain(StaffBadges.PURPOSE + "%");
        List<MimeMessage> mails = MailServerResource.receivedBy(email);
        assertThat(mails).hasSize(3);
        // each mail brings a new link; only the latest one works
        String latest = link(mails.get(2));
        assertThat(given().get(latest).statusCode()).isEqualTo(200);
        assertThat(given().get(link(mails.get(0))).statusCode()).isEqualTo(404);
        assertThat(MailServerResource.attachment(mails.get(2))).isNotNull();
    }

    @Test
    void anotherExhibitorGets404AndAStaffMemberWithoutAValidBadgeIsRefused() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestApplications.Applicant mine = TestApplications.applicant(exhibition, 18, true);
        TestApplications.Applicant other = TestApplications.applicant(exhibition, 18, true);
        String staff = "/api/exhibitor-applications/" + mine.application() + "/staff";
        var added = Api.as(mine.token()).body(Map.of("name", "Kept Private",
                "email", "private-" + TestApplications.unique() + "@lantern.test")).post(staff).then().statusCode(201)
                .extract();
        long staffId = ((Number) added.path("id")).longValue();
        long badgeId = ((Number) added.path("badge")).longValue();

        Api.as(other.token()).post(staff + "/" + staffId + "/badge-mail").then().statusCode(404);
        Api.as(other.token()).post(staff + "/badge-mails").then().statusCode(404);
        // the other exhibitor's own application does not reach this member either
        Api.as(other.token()).post("/api/exhibitor-applications/" + other.application() + "/staff/" + staffId
                + "/badge-mail").then().statusCode(404);
        given().post(staff + "/badge-mails").then().statusCode(401);
        BrowserSession otherPortal = BrowserSession.signedIn(other.username(), other.password());
        assertThat(otherPortal.post("/portal/applications/" + mine.application() + "/staff/" + staffId + "/badge-mail",
                Map.of()).statusCode()).isEqualTo(404);

        // staff may resend too
        Api.asAdmin().post(staff + "/" + staffId + "/badge-mail").then().statusCode(202).body("queued", equalTo(1));
        Api.asAdmin().body(Map.of("reason", "lost")).post("/api/badges/" + badgeId + "/revoke").then().statusCode(200);
        Api.as(mine.token()).post(staff + "/" + staffId + "/badge-mail").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void thePortalButtonsSendTheBadgeAndSayWhenItWasJustSent() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestApplications.Applicant a = TestApplications.applicant(exhibition, 18, true);
        String email = "portal-resend-" + TestApplications.unique() + "@lantern.test";
        long staffId = ((Number) Api.as(a.token()).body(Map.of("name", "Portal Person", "email", email))
                .post("/api/exhibitor-applications/" + a.application() + "/staff").then().statusCode(201).extract()
                .path("id")).longValue();
        BrowserSession portal = BrowserSession.signedIn(a.username(), a.password());
        assertThat(portal.get("/portal").asString()).contains("data-testid=\"staff-badge-mail-" + staffId + "\"",
                "data-testid=\"staff-badge-mails-" + a.application() + "\"");
        Response first = portal.post("/portal/applications/" + a.application() + "/staff/badge-mails", Map.of());
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(portal.get("/portal").asString()).contains("The badge mail is on its way");
        portal.post("/portal/applications/" + a.application() + "/staff/" + staffId + "/badge-mail", Map.of());
        assertThat(portal.get("/portal").asString()).contains("The badge was mailed moments ago");
        TestMail.drain(StaffBadges.PURPOSE + "%");
        assertThat(MailServerResource.receivedBy(email)).hasSize(2);
    }

    private static String link(MimeMessage mail) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(/badges/[A-Za-z0-9_-]+\\.pdf)")
                .matcher(TestApplications.text(mail));
        assertThat(m.find()).as("badge link in the mail").isTrue();
        return m.group(1);
    }
}
