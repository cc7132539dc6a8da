package org.expodesk.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The holes a review found in the plan's rules, each shut and kept shut. */
@QuarkusTest
class PlanIntegrityTest {

    @Test
    void whoeverDidTheWorkCannotCheckOrConfirmItEvenAfterEditingTheOwnerAway() {
        TestUser owner = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        long task = task(exhibition, Map.of("stage", "PREPARATION", "title", "Sponsor deck", "durationDays", 3,
                "owner", owner.username()));
        String token = owner.token();
        ControlLoopApiTest.move(Api.adminToken(), task, Map.of("action", "assign")).then().statusCode(200);
        ControlLoopApiTest.move(token, task, Map.of("action", "start")).then().statusCode(200);
        ControlLoopApiTest.move(token, task, Map.of("action", "submit")).then().statusCode(200);
        int version = Api.asAdmin().get("/api/tasks/" + task).then().extract().path("version");

        Api.as(token).body(Map.of("version", version, "owner", "", "checker", owner.username()))
                .patch("/api/tasks/" + task).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("owner", "checker"));
        Api.as(token).body(Map.of("version", version, "checker", owner.username()))
                .patch("/api/tasks/" + task).then().statusCode(400).body("errors[0].field", equalTo("checker"));

        // an administrator who submitted someone's work cannot confirm it either
        long other = task(exhibition, Map.of("stage", "PREPARATION", "title", "Press kit", "durationDays", 2,
                "owner", owner.username()));
        ControlLoopApiTest.move(Api.adminToken(), other, Map.of("action", "assign")).then().statusCode(200);
        ControlLoopApiTest.move(Api.adminToken(), other, Map.of("action", "start")).then().statusCode(200);
        ControlLoopApiTest.move(Api.adminToken(), other, Map.of("action", "submit")).then().statusCode(200);
        ControlLoopApiTest.move(Api.adminToken(), other, Map.of("action", "check")).then().statusCode(403);
        ControlLoopApiTest.move(TestUsers.staff().token(), other, Map.of("action", "check")).then().statusCode(200);
        ControlLoopApiTest.move(Api.adminToken(), other, Map.of("action", "confirm")).then().statusCode(403);
    }

    @Test
    void aClosedStageTakesNoNewTask() {
        long exhibition = TestExhibitions.june2027();
        long stage = Api.asAdmin().get("/api/exhibitions/" + exhibition).then().extract().jsonPath()
                .getLong("stages.find { it.code == 'INITIATION' }.id");
        Api.asAdmin().post("/api/stages/" + stage + "/close").then().statusCode(204);
        Api.asAdmin().body(Map.of("stage", "INITIATION", "title", "Late idea", "durationDays", 1))
                .post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(400)
                .body("errors[0].field", equalTo("stage"));
        long task = task(exhibition, Map.of("stage", "PREPARATION", "title", "Elsewhere", "durationDays", 1));
        int version = Api.asAdmin().get("/api/tasks/" + task).then().extract().path("version");
        Api.asAdmin().body(Map.of("version", version, "stage", "INITIATION")).patch("/api/tasks/" + task)
                .then().statusCode(400).body("errors[0].field", equalTo("stage"));
    }

    @Test
    void aWaivedTaskHoldsUpNothingAndALinkCanBeUndone() {
        long exhibition = TestExhibitions.june2027();
        long first = task(exhibition, Map.of("stage", "PRE_SHOW", "title", "Long study", "durationDays", 20,
                "startOn", "2027-04-19"));
        long next = task(exhibition, Map.of("stage", "PRE_SHOW", "title", "Decision", "durationDays", 1,
                "dependsOn", List.of(Map.of("task", first))));
        assertThat(earlyStart(exhibition, next)).isEqualTo("2027-05-17");
        ControlLoopApiTest.move(Api.adminToken(), first, Map.of("action", "waive", "comment", "Bought the study"))
                .then().statusCode(200);
        assertThat(earlyStart(exhibition, next)).isEqualTo("2027-04-19");

        Api.asAdmin().delete("/api/tasks/" + next + "/dependencies/" + first).then().statusCode(204);
        Api.asAdmin().get("/api/tasks/" + next).then().body("dependsOn.size()", equalTo(0));
        Api.asAdmin().delete("/api/tasks/" + next + "/dependencies/" + first).then().statusCode(404);
    }

    @Test
    void aContingencyLandsInTheNextOpenStageWhenTodayFallsBetweenStages() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        LocalDate opens = today.plusDays(200);
        String code = "GAP" + System.nanoTime() % 1_000_000;
        long exhibition = ((Number) Api.asAdmin().body(Map.of("code", code, "name", "Gap Expo", "venue", "V",
                        "city", "C", "timezone", "Asia/Shanghai", "opensOn", opens.toString(),
                        "closesOn", opens.plusDays(2).toString()))
                .post("/api/exhibitions").then().statusCode(201).extract().path("id")).longValue();
        JsonPath expo = Api.asAdmin().get("/api/exhibitions/" + exhibition).then().extract().jsonPath();
        long initiation = expo.getLong("stages.find { it.code == 'INITIATION' }.id");
        Api.asAdmin().body(Map.of("version", 0, "endsOn", today.minusDays(1).toString(),
                        "startsOn", today.minusDays(30).toString()))
                .patch("/api/stages/" + initiation).then().statusCode(200);
        String preparationStart = expo.getString("stages.find { it.code == 'PREPARATION' }.startsOn");
        long preparation = expo.getLong("stages.find { it.code == 'PREPARATION' }.id");

        long risk = ((Number) Api.asAdmin().body(Map.of("title", "Main sponsor withdraws", "likelihood", 2,
                        "impact", 4, "responses", List.of(Map.of("title", "Call the reserve sponsors", "durationDays", 3))))
                .post("/api/exhibitions/" + exhibition + "/risks").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("reason", "Sponsor letter received")).post("/api/risks/" + risk + "/activate")
                .then().statusCode(200);
        JsonPath tasks = Api.asAdmin().get("/api/exhibitions/" + exhibition + "/tasks").then().extract().jsonPath();
        assertThat(tasks.getLong("items[0].stage")).isEqualTo(preparation);
        assertThat(tasks.getString("items[0].startOn")).isEqualTo(preparationStart);
    }

    @Test
    void theNextEditionLeavesOutTheResponsesOfActivatedRisks() {
        long source = TestExhibitions.june2027();
        long risk = ((Number) Api.asAdmin().body(Map.of("title", "Flood", "likelihood", 1, "impact", 5,
                        "responses", List.of(Map.of("title", "Pump water", "durationDays", 1))))
                .post("/api/exhibitions/" + source + "/risks").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("reason", "Heavy rain")).post("/api/risks/" + risk + "/activate").then().statusCode(200);
        String code = "NXR" + System.nanoTime() % 1_000_000;
        long edition = ((Number) Api.asAdmin().body(Map.of("code", code, "name", "Next", "opensOn", "2028-06-12",
                        "closesOn", "2028-06-15"))
                .post("/api/exhibitions/" + source + "/editions").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().get("/api/exhibitions/" + edition + "/tasks").then().body("total", equalTo(0));
        Api.asAdmin().get("/api/exhibitions/" + edition + "/risks").then().body("items[0].state", equalTo("OPEN"));
    }

    private static String earlyStart(long exhibition, long task) {
        return Api.asAdmin().get("/api/exhibitions/" + exhibition + "/schedule").then().extract().jsonPath()
                .getString("items.find { it.task == " + task + " }.earlyStart");
    }

    private static long task(long exhibition, Map<String, ?> body) {
        return ((Number) Api.asAdmin().body(body).post("/api/exhibitions/" + exhibition + "/tasks")
                .then().statusCode(201).extract().path("id")).longValue();
    }
}
