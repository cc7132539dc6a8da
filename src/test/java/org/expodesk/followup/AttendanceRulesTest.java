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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * After the show: visitors admitted at a gate are thanked, those who registered and never came are
 * told they were missed (unless they refused marketing mail), each in their language, once.
 */
@QuarkusTest
class AttendanceRulesTest {

    @Inject
    RuleRunner runner;

    @Test
    void thoseWhoCameAreThankedAndThoseWhoDidNotAreMissedEachOnceInTheirLanguage() throws Exception {
        String u = TestRules.unique();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long edition = TestRules.edition(null, today.minusDays(1), today.plusDays(1));
        long company = TestOrganizations.create("Visiting Trading " + u);
        String came = "came-" + u + "@visit.test";
        String missed = "missed-" + u + "@visit.test";
        String refused = "refused-" + u + "@visit.test";
        long cameId = TestRules.people(company, List.of(came), "zh-CN").get(0);
        long missedId = TestRules.people(company, List.of(missed), "en").get(0);
        long refusedId = TestRules.people(company, List.of(refused), "en").get(0);
        Api.asAdmin().body(Map.of("purpose", "MARKETING", "granted", false, "channel", "WEB_FORM"))
                .post("/api/people/" + refusedId + "/consents").then().statusCode(201);
        String code = null;
        for (long person : List.of(cameId, missedId, refusedId)) {
            Api.asAdmin().body(Map.of("exhibition", edition, "party", "person:" + person, "role", "VISITOR"))
                    .post("/api/participations").then().statusCode(201);
            Badges.Issued badge = TestBadges.badges().issue(new Badges.IssueRequest(edition, person, "Visitor " + person,
                    company, "Visiting Trading " + u, "VISITOR", "Visitor", "#1E88E5", null, null, List.of()));
            if (person == cameId) {
                code = badge.badge().code;
            }
        }
        Api.asAdmin().body(Map.of("code", code, "gate", "main", "scanId", "came-" + u)).post("/api/checkins")
                .then().statusCode(200).body("result", equalTo("ADMITTED"));

        long thanks = TestRules.rule(edition, "attendee-thanks", "CLOSING", 1, true);
        long missedRule = TestRules.rule(edition, "missed-you", "CLOSING", 1, true);
        assertThat(runner.dryRun(thanks).recipients()).isEqualTo(1);
        RuleRunner.DryRun dry = runner.dryRun(missedRule);
        assertThat(dry.recipients() + dry.refused()).isEqualTo(2);
        assertThat(dry.refused()).isEqualTo(1);
        assertThat(dry.wouldSend()).isEqualTo(1);
        assertThat(runner.runNow(thanks).queued()).isEqualTo(1);
        assertThat(runner.runNow(missedRule).queued()).isEqualTo(1);
        assertThat(runner.runNow(thanks).queued()).isZero();
        TestRules.drain();

        List<MimeMessage> toCame = MailServerResource.receivedBy(came);
        assertThat(toCame).hasSize(1);
        assertThat(toCame.get(0).getSubject()).startsWith("感谢您参观");
        List<MimeMessage> toMissed = MailServerResource.receivedBy(missed);
        assertThat(toMissed).hasSize(1);
        assertThat(toMissed.get(0).getSubject()).startsWith("We missed you at");
        assertThat(MailServerResource.textOf(toMissed.get(0))).contains("/mail/unsubscribe/");
        assertThat(MailServerResource.receivedBy(refused)).isEmpty();
    }
}
