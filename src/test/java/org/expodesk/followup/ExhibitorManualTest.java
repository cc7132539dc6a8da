package org.expodesk.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.account.UserAccount;
import org.expodesk.party.TestOrganizations;
import org.expodesk.registration.exhibitor.ApplicationStatus;
import org.expodesk.registration.exhibitor.ExhibitorApplication;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.MailServerResource;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * The exhibitor manual and deadlines of an edition: kept by staff (API and page), shown read-only in
 * the exhibitor portal, mailed to the approved exhibitors, and each deadline reminded once.
 */
@QuarkusTest
class ExhibitorManualTest {

    @Inject
    RuleRunner runner;

    @Test
    void staffKeepTheManualAndDeadlinesAndBadInputIsRefusedWithFieldErrors() {
        long edition = TestRules.edition(null, LocalDate.of(2027, 11, 8), LocalDate.of(2027, 11, 10));
        String path = "/api/exhibitions/" + edition + "/exhibitor-manual";
        Api.asAdmin().get(path).then().statusCode(200).body("url", equalTo(null)).body("deadlines.size()", equalTo(0));

        Api.asAdmin().body(Map.of("url", "javascript:alert(1)", "version", 0)).put(path).then().statusCode(400)
                .body("errors.field", hasItems("url"));
        int version = Api.asAdmin().body(Map.of("url", "https://expo.example/manual.pdf", "version", 0)).put(path)
                .then().statusCode(200).body("url", equalTo("https://expo.example/manual.pdf")).extract().path("version");
        Api.asAdmin().body(Map.of("url", "https://expo.example/read-before.pdf", "version", 0)).put(path)
                .then().statusCode(409);
        Api.asAdmin().body(Map.of("url", "https://expo.example/manual-v2.pdf", "version", version)).put(path)
                .then().statusCode(200);
        Api.asAdmin().body(Map.of("url", "https://expo.example/stale.pdf", "version", version)).put(path)
                .then().statusCode(409);
        Api.asAdmin().get(path).then().body("url", equalTo("https://expo.example/manual-v2.pdf"));

        Api.asAdmin().body(Map.of("title", " ", "dueOn", "next week")).post(path + "/deadlines").then().statusCode(400)
                .body("errors.field", hasItems("title", "dueOn"));
        long deadline = ((Number) Api.asAdmin().body(Map.of("title", "Stand design", "dueOn", "2027-10-01"))
                .post(path + "/deadlines").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("title", "Booth staff names", "dueOn", "2027-09-15")).post(path + "/deadlines")
                .then().statusCode(201);
        Api.asAdmin().get(path).then().body("deadlines.title", equalTo(List.of("Booth staff names", "Stand design")));

        long other = TestRules.edition(null, LocalDate.of(2027, 11, 8), LocalDate.of(2027, 11, 10));
        Api.asAdmin().delete("/api/exhibitions/" + other + "/exhibitor-manual/deadlines/" + deadline).then().statusCode(404);
        Api.asAdmin().delete(path + "/deadlines/" + deadline).then().statusCode(204);
        Api.asAdmin().get(path).then().body("deadlines.title", equalTo(List.of("Booth staff names")));
    }

    @Test
    void exhibitorsAndAnonymousCallersAreRefusedTheApiAndTheStaffPage() {
        long edition = TestRules.edition(null, LocalDate.of(2027, 11, 8), LocalDate.of(2027, 11, 10));
        String path = "/api/exhibitions/" + edition + "/exhibitor-manual";
        TestUser exhibitor = TestUsers.exhibitor(TestOrganizations.create());
        Api.as(exhibitor.token()).get(path).then().statusCode(403);
        Api.as(exhibitor.token()).body(Map.of("url", "https://evil.example/", "version", 0)).put(path).then().statusCode(403);
        Api.as(exhibitor.token()).body(Map.of("title", "Mine", "dueOn", "2027-10-01")).post(path + "/deadlines")
                .then().statusCode(403);
        given().get(path).then().statusCode(401);
        BrowserSession page = BrowserSession.signedIn(exhibitor.username(), exhibitor.password());
        assertThat(page.get("/exhibitions/" + edition + "/exhibitor-manual").statusCode()).isEqualTo(403);
        Api.asAdmin().get(path).then().body("url", equalTo(null)).body("deadlines.size()", equalTo(0));
    }

    @Test
    void theStaffPageShowsRefusalsWithWhatWasTypedAndSavesNothingUntilValid() {
        TestUser staff = TestUsers.staff();
        long edition = TestRules.edition(null, LocalDate.of(2027, 11, 8), LocalDate.of(2027, 11, 10));
        String page = "/exhibitions/" + edition + "/exhibitor-manual";
        BrowserSession session = BrowserSession.signedIn(staff.username(), staff.password());
        assertThat(session.get("/exhibitions/" + edition + "/followup").asString()).contains("data-testid=\"exhibitor-manual\"");

        Response refused = session.post(page, Map.of("url", "ftp://files.example/manual.pdf", "version", "0"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("data-testid=\"error-url\"").contains("ftp://files.example/manual.pdf");
        assertThat(session.post(page, Map.of("url", "https://expo.example/manual.pdf", "version", "0")).statusCode())
                .isEqualTo(303);

        Response badDay = session.post(page + "/deadlines", Map.of("title", "Catering orders", "dueOn", "soon"));
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.asString()).contains("data-testid=\"error-dueOn\"").contains("Catering orders");
        Api.asAdmin().get("/api/exhibitions/" + edition + "/exhibitor-manual").then().body("deadlines.size()", equalTo(0));
        assertThat(session.post(page + "/deadlines", Map.of("title", "Catering orders", "dueOn", "2027-10-20"))
                .statusCode()).isEqualTo(303);
        assertThat(session.get(page).asString()).contains("Catering orders").contains("2027-10-20")
                .contains("https://expo.example/manual.pdf");
    }

    @Test
    void approvedExhibitorsGetTheManualOnceAndOneReminderPerDeadlineAndSeeThemInTheirPortal() throws Exception {
        String u = TestRules.unique();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long edition = TestRules.edition(null, today.plusDays(30), today.plusDays(32));
        String path = "/api/exhibitions/" + edition + "/exhibitor-manual";
        Api.asAdmin().body(Map.of("url", "https://expo.example/manual-" + u + ".pdf", "version", 0)).put(path)
                .then().statusCode(200);
        deadline(path, "Booth staff names", today.plusDays(3));
        deadline(path, "Stand design", today.plusDays(5));
        deadline(path, "Catering orders", today.plusDays(20));
        deadline(path, "Early bird fascia", today.minusDays(1));

        String chinese = "zh-" + u + "@exhibit.test";
        String english = "en-" + u + "@exhibit.test";
        String notApproved = "pending-" + u + "@exhibit.test";
        long chineseOrganization = TestOrganizations.create("Lantern Works " + u);
        long chineseApplication = TestRules.approvedExhibitor(edition, chineseOrganization, chinese, "zh-CN", 2);
        // the exhibitor account's address was changed since it applied: both are written to
        String account = "account-" + u + "@exhibit.test";
        TestUser exhibitor = TestUsers.exhibitor(chineseOrganization);
        QuarkusTransaction.requiringNew().run(() -> {
            UserAccount user = UserAccount.findById(exhibitor.id());
            user.email = account;
            user.locale = "en";
            ExhibitorApplication.update("userId = ?1 where id = ?2", exhibitor.id(), chineseApplication);
        });
        TestRules.approvedExhibitor(edition, TestOrganizations.create("Harbour Tools " + u), english, "en", 2);
        long pending = TestRules.approvedExhibitor(edition, TestOrganizations.create("Pending Works " + u), notApproved,
                "en", 2);
        QuarkusTransaction.requiringNew().run(() -> ExhibitorApplication.update("status = ?1 where id = ?2",
                ApplicationStatus.SUBMITTED, pending));

        long manualRule = TestRules.rule(edition, "exhibitor-manual", "OPENING", -60, true);
        assertThat(runner.dryRun(manualRule).recipients()).isEqualTo(3);
        assertThat(runner.runNow(manualRule).queued()).isEqualTo(3);
        assertThat(runner.runNow(manualRule).queued()).isZero();

        long reminders = TestRules.rule(edition, "exhibitor-deadline-reminder", "OPENING", -60, true);
        RuleRunner.DryRun dry = runner.dryRun(reminders);
        assertThat(dry.recipients()).isEqualTo(6);
        assertThat(dry.samples()).containsExactlyInAnyOrder(chinese, english, account);
        assertThat(runner.runNow(reminders).queued()).isEqualTo(6);
        assertThat(runner.runNow(reminders).queued()).isZero();
        deadline(path, "Power connection", today.plusDays(1));
        assertThat(runner.runNow(reminders).queued()).isEqualTo(3);
        TestRules.drain();

        List<MimeMessage> toChinese = MailServerResource.receivedBy(chinese);
        assertThat(toChinese).hasSize(4);
        MimeMessage manual = toChinese.stream().filter(m -> subject(m).endsWith("参展商手册与截止日期")).findFirst().orElseThrow();
        assertThat(MailServerResource.textOf(manual)).contains("https://expo.example/manual-" + u + ".pdf")
                .contains("Booth staff names").contains("Catering orders").doesNotContain("Early bird fascia");
        List<String> englishSubjects = MailServerResource.receivedBy(english).stream().map(ExhibitorManualTest::subject).toList();
        assertThat(englishSubjects).hasSize(4).anyMatch(s -> s.endsWith("your exhibitor manual and deadlines"))
                .anyMatch(s -> s.contains("\"Booth staff names\" is due on " + today.plusDays(3)))
                .anyMatch(s -> s.contains("\"Stand design\" is due on " + today.plusDays(5)))
                .anyMatch(s -> s.contains("\"Power connection\" is due on " + today.plusDays(1)))
                .noneMatch(s -> s.contains("Catering orders"));
        assertThat(MailServerResource.receivedBy(account)).hasSize(4)
                .anyMatch(m -> subject(m).endsWith("your exhibitor manual and deadlines"));
        assertThat(MailServerResource.receivedBy(notApproved)).isEmpty();

        String portal = BrowserSession.signedIn(exhibitor.username(), exhibitor.password()).get("/portal").asString();
        assertThat(portal).contains("https://expo.example/manual-" + u + ".pdf").contains("Catering orders")
                .contains(today.plusDays(20).toString());
    }

    private static void deadline(String path, String title, LocalDate dueOn) {
        Api.asAdmin().body(Map.of("title", title, "dueOn", dueOn.toString())).post(path + "/deadlines").then().statusCode(201);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
