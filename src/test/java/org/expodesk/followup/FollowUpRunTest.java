package org.expodesk.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.mail.MailStatus;
import org.expodesk.mail.OutboxMail;
import org.expodesk.mail.Suppression;
import org.expodesk.mail.Suppressions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.MailServerResource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules fired against the real database and a real SMTP server (GreenMail). */
@QuarkusTest
class FollowUpRunTest {

    @Inject
    RuleRunner runner;

    @Inject
    Suppressions suppressions;

    @Test
    void aRuleToFiveHundredExhibitorPeopleSendsEachOneMailOnceAndRunningAgainAddsNothing() throws Exception {
        String u = TestRules.unique();
        long edition = TestRules.edition(null, LocalDate.of(2027, 9, 1), LocalDate.of(2027, 9, 4));
        long organization = TestOrganizations.create("Bulk Exhibitor " + u);
        TestRules.exhibit(organization, edition);
        List<String> addresses = IntStream.range(0, 500).mapToObj(i -> "p" + i + "-" + u + "@thanks.test").toList();
        TestRules.people(organization, addresses, "en");
        long rule = TestRules.rule(edition, "exhibitor-thanks", "CLOSING", 1, true);

        RuleRunner.DryRun before = runner.dryRun(rule);
        assertThat(before.recipients()).isEqualTo(500);
        assertThat(before.wouldSend()).isEqualTo(500);

        RuleRunner.Run first = runner.runNow(rule);
        RuleRunner.Run second = runner.runNow(rule);
        TestRules.drain();

        assertThat(first.queued()).isEqualTo(500);
        assertThat(second.queued()).isZero();
        assertThat(TestRules.mailsOf(rule)).hasSize(500).allMatch(m -> m.status == MailStatus.SENT);
        Map<String, Long> perRecipient = Arrays.stream(MailServerResource.greenMail().getReceivedMessages())
                .map(TestRules::firstRecipient).filter(to -> to.endsWith(u + "@thanks.test"))
                .collect(Collectors.groupingBy(to -> to, Collectors.counting()));
        assertThat(perRecipient).hasSize(500);
        assertThat(perRecipient.values()).allMatch(count -> count == 1);
        assertThat(runner.dryRun(rule).wouldSend()).isZero();
        assertThat(runner.dryRun(rule).alreadyQueued()).isEqualTo(500);
        FollowUpRule saved = QuarkusTransaction.requiringNew().call(() -> FollowUpRule.<FollowUpRule>findById(rule));
        assertThat(saved.lastRunAt).isNotNull();
        assertThat(saved.lastRunCount).isZero();
    }

    @Test
    void eachRecipientGetsTheTemplateOfTheirLanguageAndPeopleWithoutAnAddressAreCountedNotMailed() throws Exception {
        String u = TestRules.unique();
        long edition = TestRules.edition(null, LocalDate.of(2027, 9, 1), LocalDate.of(2027, 9, 4));
        long organization = TestOrganizations.create("Bilingual Exhibitor " + u);
        TestRules.exhibit(organization, edition);
        String chinese = "wang-" + u + "@lang.test";
        String english = "smith-" + u + "@lang.test";
        TestRules.people(organization, List.of(chinese), "zh-CN");
        TestRules.people(organization, List.of(english), "en-GB");
        QuarkusTransaction.requiringNew().run(() -> {
            org.expodesk.party.Person p = new org.expodesk.party.Person();
            p.familyName = "Noaddress";
            p.organizationId = organization;
            p.nameKey = "noaddress " + u;
            p.persist();
        });
        long rule = TestRules.rule(edition, "exhibitor-thanks", "CLOSING", 1, true);

        RuleRunner.DryRun dry = runner.dryRun(rule);
        assertThat(dry.recipients()).isEqualTo(2);
        assertThat(dry.withoutAddress()).isEqualTo(1);
        assertThat(runner.runNow(rule).queued()).isEqualTo(2);
        TestRules.drain();

        MimeMessage zh = TestRules.receivedBy(chinese).get(0);
        assertThat(zh.getSubject()).startsWith("感谢您参展");
        assertThat(TestRules.receivedBy(english).get(0).getSubject()).startsWith("Thank you for exhibiting at");
    }

    @Test
    void theRebookingOfferReachesOnlyLastEditionsExhibitorsNotYetBackAndNoOneWhoUnsubscribedOrWithdrewConsent() throws Exception {
        String u = TestRules.unique();
        String series = "SR" + u.replace("-", "");
        long last = TestRules.edition(series, LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 7));
        long next = TestRules.edition(series, LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 6));
        long lapsed = TestOrganizations.create("Lapsed " + u);
        long loyal = TestOrganizations.create("Loyal " + u);
        long newcomer = TestOrganizations.create("Newcomer " + u);
        TestRules.exhibit(lapsed, last);
        TestRules.exhibit(loyal, last);
        TestRules.exhibit(loyal, next);
        TestRules.exhibit(newcomer, next);
        String offered = "lapsed-" + u + "@rebook.test";
        String unsubscribed = "gone-" + u + "@rebook.test";
        String loyalPerson = "loyal-" + u + "@rebook.test";
        String newPerson = "new-" + u + "@rebook.test";
        String withdrawn = "withdrawn-" + u + "@rebook.test";
        TestRules.people(lapsed, List.of(offered, unsubscribed), "en");
        long withdrew = TestRules.people(lapsed, List.of(withdrawn), "en").get(0);
        org.expodesk.testing.Api.asAdmin().body(Map.of("purpose", "MARKETING", "granted", false, "channel", "EMAIL",
                "at", "2026-10-02T08:00:00Z")).post("/api/people/" + withdrew + "/consents").then().statusCode(201);
        TestRules.people(loyal, List.of(loyalPerson), "en");
        TestRules.people(newcomer, List.of(newPerson), "en");
        suppressions.suppress(unsubscribed, Suppression.Reason.UNSUBSCRIBED, "test");
        long rule = TestRules.rule(next, "rebooking-offer", "OPENING", -120, true);

        RuleRunner.DryRun dry = runner.dryRun(rule);
        assertThat(dry.recipients()).isEqualTo(2);
        assertThat(dry.suppressed()).isEqualTo(1);
        assertThat(dry.refused()).isEqualTo(1);
        assertThat(dry.wouldSend()).isEqualTo(1);
        runner.runNow(rule);
        TestRules.drain();

        List<MimeMessage> offer = TestRules.receivedBy(offered);
        assertThat(offer).hasSize(1);
        assertThat(offer.get(0).getSubject()).isEqualTo("Book your stand at Follow-up Expo " + codeOf(next));
        assertThat(TestRules.receivedBy(unsubscribed)).isEmpty();
        assertThat(TestRules.receivedBy(withdrawn)).isEmpty();
        assertThat(TestRules.receivedBy(loyalPerson)).isEmpty();
        assertThat(TestRules.receivedBy(newPerson)).isEmpty();
        List<OutboxMail> mails = TestRules.mailsOf(rule);
        assertThat(mails).extracting(m -> m.status).containsExactlyInAnyOrder(MailStatus.SENT, MailStatus.SUPPRESSED);
        assertThat(mails).allMatch(m -> m.unsubscribeToken != null);
        assertThat(dry.wouldSend()).isEqualTo(mails.stream().filter(m -> m.status == MailStatus.SENT).count());
    }

    @Test
    void theHourlyJobFiresOnlyTheEnabledRulesDueTodayInTheVenuesTimeZone() throws Exception {
        String u = TestRules.unique();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long edition = TestRules.edition(null, today.minusDays(3), today.minusDays(1));
        long organization = TestOrganizations.create("Due Today " + u);
        TestRules.exhibit(organization, edition);
        TestRules.people(organization, List.of("due-" + u + "@job.test"), "en");
        long due = TestRules.rule(edition, "exhibitor-thanks", "CLOSING", 1, true);
        long notYet = TestRules.rule(edition, "exhibitor-thanks", "CLOSING", 2, true);
        long off = TestRules.rule(edition, "exhibitor-thanks", "CLOSING", 1, false);

        runner.runDue();
        runner.runDue();

        assertThat(TestRules.mailsOf(due)).hasSize(1);
        assertThat(TestRules.mailsOf(notYet)).isEmpty();
        assertThat(TestRules.mailsOf(off)).isEmpty();
    }

    private static String codeOf(long exhibition) {
        return org.expodesk.testing.Api.asAdmin().get("/api/exhibitions/" + exhibition).then().extract().path("code");
    }
}
