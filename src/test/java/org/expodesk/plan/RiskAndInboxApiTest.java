package org.expodesk.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class RiskAndInboxApiTest {

    @Inject
    RiskWatch watch;

    @Test
    void activatingAContingencyPlanPutsItsResponseTasksIntoTheLivePlanOnce() {
        TestUser owner = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        long risk = ((Number) Api.asAdmin().body(Map.of("title", "Typhoon closes the venue", "likelihood", 2,
                        "impact", 5, "trigger", "Signal No. 8 forecast", "responsePlan", "Move to hall B, tell everyone",
                        "owner", owner.username(),
                        "responses", List.of(Map.of("title", "Book hall B", "durationDays", 2),
                                Map.of("title", "Mail every exhibitor", "durationDays", 1, "stage", "SHOW_DAYS",
                                        "criteria", "Sent in English\nSent in Chinese"))))
                .post("/api/exhibitions/" + exhibition + "/risks").then().statusCode(201)
                .body("score", equalTo(10)).body("state", equalTo("OPEN")).extract().path("id")).longValue();

        Api.asAdmin().body(Map.of()).post("/api/risks/" + risk + "/activate").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        JsonPath activated = Api.asAdmin().body(Map.of("reason", "Typhoon Haikui heading for the coast"))
                .post("/api/risks/" + risk + "/activate").then().statusCode(200)
                .body("state", equalTo("ACTIVATED")).body("activatedBy", equalTo("admin"))
                .body("activationReason", equalTo("Typhoon Haikui heading for the coast"))
                .body("responseTasks", hasSize(2)).extract().jsonPath();

        JsonPath tasks = Api.asAdmin().get("/api/exhibitions/" + exhibition + "/tasks").then().extract().jsonPath();
        assertThat(tasks.getList("items.risk", Integer.class)).containsOnly((int) risk);
        assertThat(tasks.getString("items.find { it.title == 'Book hall B' }.state")).isEqualTo("ASSIGNED");
        assertThat(tasks.getLong("items.find { it.title == 'Book hall B' }.owner")).isEqualTo(owner.id());
        assertThat(tasks.getString("items.find { it.title == 'Book hall B' }.priority")).isEqualTo("CRITICAL");
        assertThat(tasks.getList("items.find { it.title == 'Mail every exhibitor' }.criteria.text"))
                .containsExactly("Sent in English", "Sent in Chinese");
        long showDays = Api.asAdmin().get("/api/exhibitions/" + exhibition).then().extract().jsonPath()
                .getLong("stages.find { it.code == 'SHOW_DAYS' }.id");
        assertThat(tasks.getLong("items.find { it.title == 'Mail every exhibitor' }.stage")).isEqualTo(showDays);
        assertThat(activated.getList("responseTasks")).hasSize(2);

        Api.asAdmin().body(Map.of("reason", "again")).post("/api/risks/" + risk + "/activate").then().statusCode(409);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/tasks").then().body("total", equalTo(2));
        Api.asAdmin().queryParam("entityType", "Risk").queryParam("entityId", String.valueOf(risk))
                .queryParam("action", "UPDATE").get("/api/audit").then()
                .body("items[0].changes", org.hamcrest.Matchers.containsString("\"state\":{\"from\":\"OPEN\",\"to\":\"ACTIVATED\"}"));
    }

    @Test
    void aBadRiskIsRefusedFieldByField() {
        long exhibition = TestExhibitions.june2027();
        Api.asAdmin().body(Map.of("title", "", "likelihood", 9, "impact", 0, "owner", "nobody-at-all"))
                .post("/api/exhibitions/" + exhibition + "/risks").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("title", "likelihood", "impact", "owner"));
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/risks").then().body("total", equalTo(0));
    }

    @Test
    void theOwnerAndTheStageManagerAreToldOnceWhenATaskIsAtRisk() {
        TestUser owner = TestUsers.staff();
        TestUser manager = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        JsonPath expo = Api.asAdmin().get("/api/exhibitions/" + exhibition).then().extract().jsonPath();
        long preShow = expo.getLong("stages.find { it.code == 'PRE_SHOW' }.id");
        int version = expo.getInt("stages.find { it.code == 'PRE_SHOW' }.version");
        Api.asAdmin().body(Map.of("version", version, "manager", manager.username(), "name", "Final preparations"))
                .patch("/api/stages/" + preShow).then().statusCode(200).body("name", equalTo("Final preparations"))
                .body("manager", equalTo((int) manager.id()));

        long task = ((Number) Api.asAdmin().body(Map.of("stage", "PRE_SHOW", "title", "Print signage",
                        "durationDays", 10, "startOn", "2027-05-03", "dueOn", "2027-05-05", "owner", owner.username()))
                .post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(201).extract().path("id")).longValue();

        for (TestUser told : List.of(owner, manager)) {
            Api.as(told.token()).get("/api/me/notifications").then().statusCode(200)
                    .body("unread", equalTo(1))
                    .body("items[0].kind", equalTo("TASK_AT_RISK"))
                    .body("items[0].link", equalTo("/tasks/" + task))
                    .body("items[0].subject", org.hamcrest.Matchers.containsString("Print signage"));
        }
        assertThat(watch.scan(exhibition)).isZero();
        Api.as(owner.token()).get("/api/me/notifications").then().body("total", equalTo(1));
    }

    @Test
    void workWhoseFinishHasPassedIsOverdueForOwnerAndChecker() {
        TestUser owner = TestUsers.staff();
        TestUser checker = TestUsers.staff();
        String code = "PAST" + System.nanoTime() % 1_000_000;
        long exhibition = ((Number) Api.asAdmin().body(Map.of("code", code, "name", "Past Expo", "venue", "V",
                        "city", "C", "timezone", "UTC", "opensOn", "2026-09-01", "closesOn", "2026-09-03"))
                .post("/api/exhibitions").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("stage", "PRE_SHOW", "title", "Overdue brochure", "durationDays", 3,
                        "owner", owner.username(), "checker", checker.username()))
                .post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(201);

        Api.as(checker.token()).get("/api/me/notifications").then()
                .body("items.kind", hasItem("TASK_OVERDUE"));
        Api.as(owner.token()).get("/api/me/notifications").then()
                .body("items.kind", hasItem("TASK_OVERDUE"));
    }

    @Test
    void stagesAreEditedWithTheirVersionAndOnlyEmptyOnesGo() {
        long exhibition = TestExhibitions.june2027();
        long custom = ((Number) Api.asAdmin().body(Map.of("code", "HOTEL_BLOCK", "name", "Hotel block",
                        "startsOn", "2027-03-01", "endsOn", "2027-03-31"))
                .post("/api/exhibitions/" + exhibition + "/stages").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().get("/api/exhibitions/" + exhibition).then()
                .body("stages.code", org.hamcrest.Matchers.contains("INITIATION", "PREPARATION", "HOTEL_BLOCK",
                        "PRE_SHOW", "SHOW_DAYS", "CLOSING", "RECESS"));
        Api.asAdmin().body(Map.of("version", 99, "name", "Stale")).patch("/api/stages/" + custom).then().statusCode(409);
        Api.asAdmin().body(Map.of("version", 0, "startsOn", "2027-04-01")).patch("/api/stages/" + custom).then()
                .statusCode(400).body("errors[0].field", equalTo("endsOn"));

        Api.asAdmin().body(Map.of("stage", "HOTEL_BLOCK", "title", "Reserve 500 rooms", "durationDays", 5))
                .post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(201);
        Api.asAdmin().delete("/api/stages/" + custom).then().statusCode(409);
        long empty = ((Number) Api.asAdmin().body(Map.of("code", "SPARE", "name", "Spare", "startsOn", "2027-07-01",
                "endsOn", "2027-07-02")).post("/api/exhibitions/" + exhibition + "/stages").then().statusCode(201)
                .extract().path("id")).longValue();
        Api.asAdmin().delete("/api/stages/" + empty).then().statusCode(204);
    }

    @Test
    void aHolidayPushesTheWorkAroundIt() {
        long exhibition = TestExhibitions.june2027();
        long task = ((Number) Api.asAdmin().body(Map.of("stage", "PRE_SHOW", "title", "Hang banners", "durationDays", 3,
                "startOn", "2027-05-03")).post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(201)
                .extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("day", "2027-05-04", "name", "Youth Day (observed)"))
                .post("/api/exhibitions/" + exhibition + "/holidays").then().statusCode(201);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/schedule").then()
                .body("items.find { it.task == " + task + " }.earlyFinish", equalTo("2027-05-06"));
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/holidays").then().body("items.day", hasItem("2027-05-04"));
    }
}
