package org.expodesk.followup;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.mail.OutboxMail;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The survey rule: each participant gets their own link once, and a second run neither mails nor replaces it. */
@QuarkusTest
class SatisfactionSurveyRuleTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/survey/[A-Za-z0-9_-]+)");

    @Inject
    RuleRunner runner;

    @Test
    void everyParticipantWhoCameGetsTheirOwnWorkingLinkOnceInTheirLanguage() throws Exception {
        String u = TestRules.unique();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long edition = TestRules.edition(null, today.minusDays(1), today.plusDays(1));
        long organization = TestOrganizations.create("Survey Exhibitor " + u);
        TestRules.exhibit(organization, edition);
        String exhibitorPerson = "staff-" + u + "@survey.test";
        TestRules.people(organization, List.of(exhibitorPerson), "en");
        String visitor = "visitor-" + u + "@survey.test";
        long visitorId = TestRules.people(TestOrganizations.create("Visiting Buyer " + u), List.of(visitor), "zh-CN").get(0);
        Api.asAdmin().body(Map.of("exhibition", edition, "party", "person:" + visitorId, "role", "visitor"))
                .post("/api/participations").then().statusCode(201);
        org.expodesk.badge.Badges.Issued badge = org.expodesk.badge.TestBadges.badges().issue(
                new org.expodesk.badge.Badges.IssueRequest(edition, visitorId, "Visitor " + u, null, null, "VISITOR",
                        "Visitor", "#1E88E5", null, null, List.of()));
        Api.asAdmin().body(Map.of("code", badge.badge().code, "gate", "main", "scanId", "survey-" + u))
                .post("/api/checkins").then().statusCode(200);
        // registered, never admitted: no survey
        String noShow = "noshow-" + u + "@survey.test";
        long noShowId = TestRules.people(TestOrganizations.create("Absent Buyer " + u), List.of(noShow), "en").get(0);
        Api.asAdmin().body(Map.of("exhibition", edition, "party", "person:" + noShowId, "role", "visitor"))
                .post("/api/participations").then().statusCode(201);
        long rule = TestRules.rule(edition, "satisfaction-survey", "CLOSING", 2, true);

        assertThat(runner.dryRun(rule).recipients()).isEqualTo(2);
        assertThat(runner.runNow(rule).queued()).isEqualTo(2);
        TestRules.drain();

        List<OutboxMail> mails = TestRules.mailsOf(rule);
        assertThat(mails).hasSize(2);
        OutboxMail toVisitor = mails.stream().filter(m -> m.recipient.equals(visitor)).findFirst().orElseThrow();
        OutboxMail toExhibitor = mails.stream().filter(m -> m.recipient.equals(exhibitorPerson)).findFirst().orElseThrow();
        assertThat(toVisitor.textBody).contains("问卷");
        assertThat(toExhibitor.textBody).contains("The survey takes about two minutes");
        String visitorLink = link(toVisitor.textBody);
        String exhibitorLink = link(toExhibitor.textBody);
        assertThat(visitorLink).isNotEqualTo(exhibitorLink);
        assertThat(TestRules.receivedBy(visitor)).hasSize(1);
        assertThat(TestRules.receivedBy(noShow)).isEmpty();
        given().redirects().follow(false).get(visitorLink).then().statusCode(200);

        assertThat(runner.runNow(rule).queued()).isZero();
        TestRules.drain();
        assertThat(TestRules.receivedBy(visitor)).hasSize(1);
        given().redirects().follow(false).get(visitorLink).then().statusCode(200);
        given().redirects().follow(false).get(exhibitorLink).then().statusCode(200);
    }

    private static String link(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("a survey link in: " + text).isTrue();
        return m.group(1);
    }
}
