package org.expodesk.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.account.UserAccount;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.followup.kinds.AtRiskTasks;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily mail of tasks at risk: the owner and the stage manager, each in their language, once a day. */
@QuarkusTest
class AtRiskTasksTest {

    @Inject
    RuleKinds kinds;

    @Test
    void theOwnerAndTheStageManagerGetTheTasksAtRiskOnceADay() throws Exception {
        String u = TestRules.unique();
        TestUser owner = TestUsers.staff();
        TestUser manager = TestUsers.staff();
        TestUser bystander = TestUsers.staff();
        withEmail(owner, "risk-owner-" + u + "@staff.test", "en");
        withEmail(manager, "risk-manager-" + u + "@staff.test", "zh-CN");
        withEmail(bystander, "risk-bystander-" + u + "@staff.test", "en");
        long exhibition = TestExhibitions.june2027();
        JsonPath expo = Api.asAdmin().get("/api/exhibitions/" + exhibition).then().extract().jsonPath();
        Api.asAdmin().body(Map.of("version", expo.getInt("stages.find { it.code == 'PRE_SHOW' }.version"),
                "manager", manager.username())).patch("/api/stages/" + expo.getLong("stages.find { it.code == 'PRE_SHOW' }.id"))
                .then().statusCode(200);
        // ten days of work that must be done in three: at risk; a short one with room: not
        task(exhibition, "Print signage " + u, 10, "2027-05-03", "2027-05-05", owner);
        task(exhibition, "Order flowers " + u, 1, "2027-05-03", "2027-05-20", bystander);

        List<RuleKind.Recipient> recipients = QuarkusTransaction.requiringNew().call(() -> kinds.find("at-risk-tasks")
                .orElseThrow().recipients(Exhibition.findById(exhibition), LocalDate.of(2027, 5, 1)));
        assertThat(recipients).extracting(RuleKind.Recipient::address)
                .containsExactlyInAnyOrder("risk-owner-" + u + "@staff.test", "risk-manager-" + u + "@staff.test");
        @SuppressWarnings("unchecked")
        List<AtRiskTasks.AtRisk> listed = (List<AtRiskTasks.AtRisk>) recipients.get(0).data().get("tasks");
        assertThat(listed).extracting(AtRiskTasks.AtRisk::text).containsExactly("Print signage " + u);
        assertThat(listed.get(0).deadline()).isEqualTo("2027-05-05");
        assertThat(listed.get(0).finishes()).isGreaterThan("2027-05-05");

        long rule = TestRules.rule(exhibition, "at-risk-tasks", "OPENING", -400, true);
        Api.asAdmin().post("/api/followup-rules/" + rule + "/run").then().statusCode(200);
        Api.asAdmin().post("/api/followup-rules/" + rule + "/run").then().statusCode(200);
        TestRules.drain();
        List<MimeMessage> toOwner = TestRules.receivedBy("risk-owner-" + u + "@staff.test");
        assertThat(toOwner).hasSize(1);
        assertThat(toOwner.get(0).getSubject()).contains("1 task(s) at risk");
        List<MimeMessage> toManager = TestRules.receivedBy("risk-manager-" + u + "@staff.test");
        assertThat(toManager).hasSize(1);
        assertThat(toManager.get(0).getSubject()).contains("项任务有延误风险");
        assertThat(TestRules.receivedBy("risk-bystander-" + u + "@staff.test")).isEmpty();
    }

    private static void task(long exhibition, String title, int days, String startOn, String dueOn, TestUser owner) {
        Api.asAdmin().body(Map.of("stage", "PRE_SHOW", "title", title, "durationDays", days, "startOn", startOn,
                "dueOn", dueOn, "owner", owner.username())).post("/api/exhibitions/" + exhibition + "/tasks")
                .then().statusCode(201);
    }

    private static void withEmail(TestUser user, String email, String locale) {
        QuarkusTransaction.requiringNew().run(() -> {
            UserAccount account = UserAccount.findById(user.id());
            account.email = email;
            account.locale = locale;
        });
    }
}
