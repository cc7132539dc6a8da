package org.expodesk.followup;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.badge.Badges;
import org.expodesk.badge.TestBadges;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.MailServerResource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before the show: last edition's visitors who have not registered are invited to (marketing),
 * registered visitors holding a valid badge are asked to bring it (with their own link), and
 * exhibitors below their booth-staff quota are asked to name their staff; each once, in their language.
 */
@QuarkusTest
class BeforeShowRulesTest {

    private static final Pattern BADGE_LINK = Pattern.compile("https?://[^/\\s]+(/badges/[A-Za-z0-9_-]+\\.pdf)");

    @Inject
    RuleRunner runner;

    @Test
    void lastEditionsVisitorsWhoHaveNotRegisteredAreRemindedOnceUnlessTheyRefusedMarketing() throws Exception {
        String u = TestRules.unique();
        String series = "RR" + u.replace("-", "");
        long last = TestRules.edition(series, LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 6));
        long next = TestRules.edition(series, LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 5));
        long company = TestOrganizations.create("Returning Buyers " + u);
        String lapsed = "lapsed-" + u + "@visit.test";
        String registered = "registered-" + u + "@visit.test";
        String refusing = "refusing-" + u + "@visit.test";
        String stranger = "stranger-" + u + "@visit.test";
        long lapsedId = TestRules.people(company, List.of(lapsed), "zh-CN").get(0);
        long registeredId = TestRules.people(company, List.of(registered), "en").get(0);
        long refusingId = TestRules.people(company, List.of(refusing), "en").get(0);
        TestRules.people(company, List.of(stranger), "en");
        long withoutAddress = TestRules.personWithoutAddress(company, "Nomail" + u.replace("-", ""));
        for (long person : List.of(lapsedId, registeredId, refusingId, withoutAddress)) {
            takesPart(last, person, "BUYER");
        }
        takesPart(next, registeredId, "VISITOR");
        Api.asAdmin().body(Map.of("purpose", "MARKETING", "granted", false, "channel", "WEB_FORM"))
                .post("/api/people/" + refusingId + "/consents").then().statusCode(201);

        long rule = TestRules.rule(next, "registration-reminder", "OPENING", -30, true);
        RuleRunner.DryRun dry = runner.dryRun(rule);
        assertThat(dry.recipients()).isEqualTo(1);
        assertThat(dry.refused()).isEqualTo(1);
        assertThat(dry.withoutAddress()).isEqualTo(1);
        assertThat(dry.wouldSend()).isEqualTo(1);
        assertThat(runner.runNow(rule).queued()).isEqualTo(1);
        assertThat(runner.runNow(rule).queued()).isZero();
        TestRules.drain();

        List<MimeMessage> toLapsed = MailServerResource.receivedBy(lapsed);
        assertThat(toLapsed).hasSize(1);
        assertThat(toLapsed.get(0).getSubject()).endsWith("观众登记已开放");
        String code = Api.asAdmin().get("/api/exhibitions/" + next).then().extract().path("code");
        assertThat(MailServerResource.textOf(toLapsed.get(0))).contains("/register/" + code)
                .contains("/mail/unsubscribe/");
        assertThat(MailServerResource.receivedBy(registered)).isEmpty();
        assertThat(MailServerResource.receivedBy(refusing)).isEmpty();
        assertThat(MailServerResource.receivedBy(stranger)).isEmpty();
        assertThat(runner.dryRun(rule).alreadyQueued()).isEqualTo(1);
    }

    @Test
    void registeredVisitorsWithAValidBadgeGetOneReminderWithALinkThatStillWorksAfterASecondRun() throws Exception {
        String u = TestRules.unique();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long edition = TestRules.edition(null, today.plusDays(3), today.plusDays(5));
        long company = TestOrganizations.create("Badge Holders " + u);
        String holder = "holder-" + u + "@visit.test";
        String revoked = "revoked-" + u + "@visit.test";
        String noBadge = "nobadge-" + u + "@visit.test";
        String boothStaff = "booth-" + u + "@visit.test";
        long holderId = TestRules.people(company, List.of(holder), "en").get(0);
        long revokedId = TestRules.people(company, List.of(revoked), "zh-CN").get(0);
        long noBadgeId = TestRules.people(company, List.of(noBadge), "en").get(0);
        long boothStaffId = TestRules.people(company, List.of(boothStaff), "en").get(0);
        takesPart(edition, holderId, "VISITOR");
        takesPart(edition, revokedId, "BUYER");
        takesPart(edition, noBadgeId, "VISITOR");
        takesPart(edition, boothStaffId, "EXHIBITOR_STAFF");
        badge(edition, holderId, company, u);
        Badges.Issued toRevoke = badge(edition, revokedId, company, u);
        TestBadges.badges().revoke(toRevoke.badge().id, "lost", "test");
        badge(edition, boothStaffId, company, u);

        long rule = TestRules.rule(edition, "badge-reminder", "OPENING", -3, true);
        assertThat(runner.dryRun(rule).recipients()).isEqualTo(1);
        assertThat(runner.runNow(rule).queued()).isEqualTo(1);
        TestRules.drain();
        List<MimeMessage> toHolder = MailServerResource.receivedBy(holder);
        assertThat(toHolder).hasSize(1);
        assertThat(toHolder.get(0).getSubject()).startsWith("Bring your badge to");
        String text = MailServerResource.textOf(toHolder.get(0));
        assertThat(text).doesNotContain("/mail/unsubscribe/");
        Matcher link = BADGE_LINK.matcher(text);
        assertThat(link.find()).as("a badge link in: " + text).isTrue();
        given().redirects().follow(false).get(link.group(1)).then().statusCode(200).contentType("application/pdf");

        assertThat(runner.runNow(rule).queued()).isZero();
        TestRules.drain();
        assertThat(MailServerResource.receivedBy(holder)).hasSize(1);
        given().redirects().follow(false).get(link.group(1)).then().statusCode(200);
        assertThat(MailServerResource.receivedBy(revoked)).isEmpty();
        assertThat(MailServerResource.receivedBy(noBadge)).isEmpty();
        assertThat(MailServerResource.receivedBy(boothStaff)).isEmpty();
    }

    @Test
    void twoRunsAtOnceMailEachHolderOnceAndEveryMailedBadgeLinkWorks() throws Exception {
        String u = TestRules.unique();
        long edition = TestRules.edition(null, LocalDate.of(2027, 12, 6), LocalDate.of(2027, 12, 8));
        long company = TestOrganizations.create("Racing Holders " + u);
        List<String> addresses = java.util.stream.IntStream.range(0, 24).mapToObj(i -> "race" + i + "-" + u + "@visit.test")
                .toList();
        for (long person : TestRules.people(company, addresses, "en")) {
            takesPart(edition, person, "VISITOR");
            badge(edition, person, company, u);
        }
        long rule = TestRules.rule(edition, "badge-reminder", "OPENING", -3, true);

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<RuleRunner.Run>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return runner.runNow(rule);
                }));
            }
            start.countDown();
            int queued = 0;
            for (var run : runs) {
                queued += run.get().queued();
            }
            assertThat(queued).isEqualTo(addresses.size());
        } finally {
            pool.shutdownNow();
        }
        TestRules.drain();
        for (String address : addresses) {
            List<MimeMessage> mails = MailServerResource.receivedBy(address);
            assertThat(mails).as(address).hasSize(1);
            Matcher link = BADGE_LINK.matcher(MailServerResource.textOf(mails.get(0)));
            assertThat(link.find()).isTrue();
            given().redirects().follow(false).get(link.group(1)).then().statusCode(200);
        }
    }

    @Test
    void exhibitorsWhoNamedFewerBoothStaffThanTheirQuotaAreAskedOnceAndTheOthersNot() throws Exception {
        String u = TestRules.unique();
        long edition = TestRules.edition(null, LocalDate.of(2027, 10, 11), LocalDate.of(2027, 10, 14));
        String none = "none-" + u + "@exhibit.test";
        String some = "some-" + u + "@exhibit.test";
        String full = "full-" + u + "@exhibit.test";
        TestRules.approvedExhibitor(edition, TestOrganizations.create("No Staff Yet " + u), none, "zh-CN", 3);
        long someApp = TestRules.approvedExhibitor(edition, TestOrganizations.create("Some Staff " + u), some, "en", 3);
        long fullApp = TestRules.approvedExhibitor(edition, TestOrganizations.create("Full Staff " + u), full, "en", 1);
        addStaff(someApp, "staff-a-" + u + "@exhibit.test");
        addStaff(fullApp, "staff-b-" + u + "@exhibit.test");

        long rule = TestRules.rule(edition, "booth-staff-reminder", "OPENING", -14, true);
        assertThat(runner.dryRun(rule).recipients()).isEqualTo(2);
        assertThat(runner.runNow(rule).queued()).isEqualTo(2);
        assertThat(runner.runNow(rule).queued()).isZero();
        TestRules.drain();

        List<MimeMessage> toNone = MailServerResource.receivedBy(none);
        assertThat(toNone).hasSize(1);
        assertThat(toNone.get(0).getSubject()).endsWith("请登记您的展台工作人员");
        assertThat(MailServerResource.textOf(toNone.get(0))).contains("0名展台工作人员").contains("/portal");
        List<MimeMessage> toSome = MailServerResource.receivedBy(some);
        assertThat(toSome).hasSize(1);
        assertThat(MailServerResource.textOf(toSome.get(0))).contains("has named 1 of 3 booth staff");
        assertThat(MailServerResource.receivedBy(full)).isEmpty();
    }

    private static void takesPart(long edition, long person, String role) {
        Api.asAdmin().body(Map.of("exhibition", edition, "party", "person:" + person, "role", role))
                .post("/api/participations").then().statusCode(201);
    }

    private static Badges.Issued badge(long edition, long person, long company, String u) {
        return TestBadges.badges().issue(new Badges.IssueRequest(edition, person, "Holder " + person, company,
                "Badge Holders " + u, "VISITOR", "Visitor", "#1E88E5", null, null, List.of()));
    }

    private static void addStaff(long application, String email) {
        Api.asAdmin().body(Map.of("name", "Booth Person", "email", email))
                .post("/api/exhibitor-applications/" + application + "/staff").then().statusCode(201);
    }
}
