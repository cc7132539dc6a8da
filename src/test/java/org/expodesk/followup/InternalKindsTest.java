package org.expodesk.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.expodesk.account.UserAccount;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.followup.kinds.MailData;
import org.expodesk.party.Organization;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff-facing kinds: who is told what, in their own language. */
@QuarkusTest
class InternalKindsTest {

    @Inject
    RuleKinds kinds;

    @Test
    void eachAccountOwnerGetsOneReminderListingTheirCustomersNotYetRebooked() throws Exception {
        String u = TestRules.unique();
        String series = "OW" + u.replace("-", "");
        long last = TestRules.edition(series, LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 9));
        long next = TestRules.edition(series, LocalDate.of(2027, 4, 5), LocalDate.of(2027, 4, 8));
        TestUser owner = TestUsers.staff();
        String ownerAddress = "owner-" + u + "@staff.test";
        withEmail(owner, ownerAddress, "zh-CN");
        long first = TestOrganizations.create("First Lapsed " + u);
        long second = TestOrganizations.create("Second Lapsed " + u);
        long back = TestOrganizations.create("Back Again " + u);
        for (long organization : List.of(first, second, back)) {
            TestRules.exhibit(organization, last);
            QuarkusTransaction.requiringNew().run(() -> Organization.update("ownerId = ?1 where id = ?2", owner.id(), organization));
        }
        TestRules.exhibit(back, next);
        long rule = TestRules.rule(next, "rebooking-owner-reminder", "OPENING", -150, true);

        List<RuleKind.Recipient> recipients = recipients("rebooking-owner-reminder", next);
        RuleKind.Recipient reminder = recipients.stream().filter(r -> ownerAddress.equals(r.address())).findFirst().orElseThrow();
        assertThat(reminder.language()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        @SuppressWarnings("unchecked")
        List<MailData.Line> listed = (List<MailData.Line>) reminder.data().get("organizations");
        assertThat(listed).extracting(MailData.Line::text).containsExactly("First Lapsed " + u, "Second Lapsed " + u);

        Api.asAdmin().post("/api/followup-rules/" + rule + "/run").then().statusCode(200);
        TestRules.drain();
        assertThat(TestRules.receivedBy(ownerAddress)).hasSize(1);
        assertThat(TestRules.receivedBy(ownerAddress).get(0).getSubject()).isEqualTo("尚未预订Follow-up Expo "
                + Api.asAdmin().get("/api/exhibitions/" + next).then().extract().path("code") + "的客户：2 家");
    }

    @Test
    void taskDeadlinesGoToTheOwnerAndOverdueOnesAlsoToTheCheckerAndTheStageManagerOncePerDay() {
        TestUser owner = TestUsers.staff();
        TestUser checker = TestUsers.staff();
        TestUser manager = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        JsonPath expo = Api.asAdmin().get("/api/exhibitions/" + exhibition).then().extract().jsonPath();
        Api.asAdmin().body(Map.of("version", expo.getInt("stages.find { it.code == 'PRE_SHOW' }.version"),
                "manager", manager.username())).patch("/api/stages/" + expo.getLong("stages.find { it.code == 'PRE_SHOW' }.id"))
                .then().statusCode(200);
        task(exhibition, "Overdue signage", "2027-05-05", owner, checker);
        task(exhibition, "Catalogue due soon", "2027-05-12", owner, checker);
        task(exhibition, "Far away", "2027-06-01", owner, checker);
        LocalDate day = LocalDate.of(2027, 5, 10);

        Map<Long, List<String>> tasksByUser = new java.util.HashMap<>();
        for (RuleKind.Recipient r : recipients("task-deadlines", exhibition, day)) {
            @SuppressWarnings("unchecked")
            List<MailData.Line> lines = (List<MailData.Line>) r.data().get("tasks");
            tasksByUser.put(idOf((String) r.data().get("name")), lines.stream().map(MailData.Line::text).toList());
        }
        assertThat(tasksByUser.get(owner.id())).containsExactly("Overdue signage", "Catalogue due soon");
        assertThat(tasksByUser.get(checker.id())).containsExactly("Overdue signage");
        assertThat(tasksByUser.get(manager.id())).containsExactly("Overdue signage");
        assertThat(kinds.find("task-deadlines").orElseThrow().daily()).isTrue();
    }

    @Test
    void theDailyDigestListsAStaffMembersDueFollowUpsOnceADayAndSkipsThoseWithNothingDue() throws Exception {
        String u = TestRules.unique();
        TestUser staff = TestUsers.staff();
        TestUser idle = TestUsers.staff();
        String address = "digest-" + u + "@staff.test";
        withEmail(staff, address, "en");
        withEmail(idle, "idle-" + u + "@staff.test", "en");
        long org = TestOrganizations.create("Digest Customer " + u);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        interaction(staff, org, "Overdue call " + u, today.minusDays(2));
        interaction(staff, org, "Today's call " + u, today);
        interaction(staff, org, "Later call " + u, today.plusDays(5));
        LocalDate now = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long edition = TestRules.edition(null, now.plusDays(1), now.plusDays(3));
        long rule = TestRules.rule(edition, "followups-due", "OPENING", -1, true);

        List<RuleKind.Recipient> recipients = recipients("followups-due", edition);
        assertThat(recipients).extracting(RuleKind.Recipient::address).contains(address).doesNotContain("idle-" + u + "@staff.test");
        RuleKind.Recipient digest = recipients.stream().filter(r -> address.equals(r.address())).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<MailData.Line> due = (List<MailData.Line>) digest.data().get("followUps");
        assertThat(due).extracting(MailData.Line::text)
                .containsExactly("Overdue call " + u + " · Digest Customer " + u, "Today's call " + u + " · Digest Customer " + u);

        Api.asAdmin().post("/api/followup-rules/" + rule + "/run").then().statusCode(200);
        Api.asAdmin().post("/api/followup-rules/" + rule + "/run").then().statusCode(200);
        TestRules.drain();
        assertThat(TestRules.receivedBy(address)).hasSize(1);
        assertThat(TestRules.mailsOf(rule)).allMatch(m -> m.purpose.equals("rule:" + rule + ":" + now));
    }

    private static void interaction(TestUser staff, long org, String summary, LocalDate followUpOn) {
        Api.as(staff.token()).body(Map.of("party", "organization:" + org, "kind", "call", "summary", summary,
                "followUpOn", followUpOn.toString())).post("/api/interactions").then().statusCode(201);
    }

    private static void task(long exhibition, String title, String dueOn, TestUser owner, TestUser checker) {
        Api.asAdmin().body(Map.of("stage", "PRE_SHOW", "title", title, "durationDays", 2, "dueOn", dueOn,
                "owner", owner.username(), "checker", checker.username()))
                .post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(201);
    }

    private List<RuleKind.Recipient> recipients(String kind, long exhibition) {
        return recipients(kind, exhibition, LocalDate.now());
    }

    private List<RuleKind.Recipient> recipients(String kind, long exhibition, LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() ->
                kinds.find(kind).orElseThrow().recipients(Exhibition.findById(exhibition), day));
    }

    private static long idOf(String displayName) {
        return QuarkusTransaction.requiringNew().call(() ->
                UserAccount.<UserAccount>find("displayName", displayName).firstResult().id);
    }

    private static void withEmail(TestUser user, String email, String locale) {
        QuarkusTransaction.requiringNew().run(() -> {
            UserAccount account = UserAccount.findById(user.id());
            account.email = email;
            account.locale = locale;
        });
    }
}
