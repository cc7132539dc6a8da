package org.expodesk.plan;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** plan → assign → start → progress → submit → check (rejected, then passed) → confirm, over the API. */
@QuarkusTest
class ControlLoopApiTest {

    @Test
    void theWholeLoopWithARejectedCheckAndFourEyes() {
        TestUser owner = TestUsers.staff();
        TestUser checker = TestUsers.staff();
        TestUser manager = TestUsers.staff();
        String ownerToken = owner.token();
        String checkerToken = checker.token();
        String managerToken = manager.token();
        long exhibition = TestExhibitions.june2027();

        var created = Api.as(managerToken).body(Map.of("stage", "PREPARATION", "title", "Sign 300 exhibitors",
                        "goal", "Enough exhibitors to fill halls 1 to 3",
                        "criteria", List.of(Map.of("text", "≥ 300 exhibitors contracted", "target", "300"),
                                Map.of("text", "Deposits received")),
                        "owner", owner.username(), "checker", checker.username(), "durationDays", 20))
                .post("/api/exhibitions/" + exhibition + "/tasks")
                .then().statusCode(201).body("state", equalTo("PLANNED")).extract();
        long task = ((Number) created.path("id")).longValue();
        List<Integer> criteria = created.path("criteria.id");

        // the owner cannot check a planned task: 409 with what is possible now
        move(ownerToken, task, Map.of("action", "check")).then().statusCode(409)
                .contentType("application/problem+json").body("allowed", contains("assign"));

        move(managerToken, task, Map.of("action", "assign")).then().statusCode(200).body("state", equalTo("ASSIGNED"));
        move(checkerToken, task, Map.of("action", "start")).then().statusCode(403);
        move(ownerToken, task, Map.of("action", "start")).then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        move(ownerToken, task, Map.of("action", "progress", "percentComplete", 60)).then().statusCode(200)
                .body("percentComplete", equalTo(60));
        move(ownerToken, task, Map.of("action", "submit")).then().statusCode(200).body("state", equalTo("SUBMITTED"));

        // four eyes: the owner may not check; and only the named checker may
        move(ownerToken, task, Map.of("action", "check")).then().statusCode(403).body("detail", containsString("Four eyes"));
        move(managerToken, task, results(criteria, true, true)).then().statusCode(403);

        // a failed criterion sends the task back with the reason
        move(checkerToken, task, results(criteria, true, false)).then().statusCode(200)
                .body("state", equalTo("IN_PROGRESS"))
                .body("criteria[1].passed", equalTo(false))
                .body("history[-1].action", equalTo("reject"))
                .body("history[-1].comment", containsString("Deposits received"));

        move(ownerToken, task, Map.of("action", "submit")).then().statusCode(200);
        move(checkerToken, task, results(criteria, true, true)).then().statusCode(200).body("state", equalTo("CHECKED"));
        move(ownerToken, task, Map.of("action", "confirm")).then().statusCode(403);
        move(managerToken, task, Map.of("action", "confirm")).then().statusCode(200)
                .body("state", equalTo("CONFIRMED"))
                .body("allowedActions", hasSize(0))
                .body("history.action", contains("assign", "start", "progress", "submit", "reject", "submit", "check",
                        "confirm"))
                .body("history.to", contains("ASSIGNED", "IN_PROGRESS", "IN_PROGRESS", "SUBMITTED", "IN_PROGRESS",
                        "SUBMITTED", "CHECKED", "CONFIRMED"))
                .body("history[7].actor", equalTo(manager.username()));
    }

    @Test
    void aCheckNeedsAVerdictOnEveryCriterion() {
        TestUser owner = TestUsers.staff();
        String ownerToken = owner.token();
        long exhibition = TestExhibitions.june2027();
        var created = Api.asAdmin().body(Map.of("stage", "PREPARATION", "title", "Print catalogue",
                        "criteria", List.of(Map.of("text", "Proofread"), Map.of("text", "Delivered")),
                        "owner", owner.username(), "durationDays", 5))
                .post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(201).extract();
        long task = ((Number) created.path("id")).longValue();
        List<Integer> criteria = created.path("criteria.id");
        move(Api.adminToken(), task, Map.of("action", "assign")).then().statusCode(200);
        move(ownerToken, task, Map.of("action", "start")).then().statusCode(200);
        move(ownerToken, task, Map.of("action", "submit")).then().statusCode(200);

        move(Api.adminToken(), task, Map.of("action", "check", "results",
                List.of(Map.of("criterion", criteria.get(0), "passed", true)))).then().statusCode(400)
                .body("errors[0].field", equalTo("results[1]"));
        Api.asAdmin().get("/api/tasks/" + task).then().body("state", equalTo("SUBMITTED"));
    }

    @Test
    void theStageGateRefusesToCloseWithAnOpenTaskAndClosesOnceItIsWaived() {
        long exhibition = TestExhibitions.june2027();
        long stage = ((Number) Api.asAdmin().get("/api/exhibitions/" + exhibition).then().extract()
                .path("stages[0].id")).longValue();
        long task = ((Number) Api.asAdmin().body(Map.of("stage", String.valueOf(stage), "title", "Market study",
                "durationDays", 10)).post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(201)
                .extract().path("id")).longValue();

        Api.asAdmin().post("/api/stages/" + stage + "/close").then().statusCode(409)
                .body("detail", containsString("Market study"));
        move(Api.adminToken(), task, Map.of("action", "waive")).then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        move(Api.adminToken(), task, Map.of("action", "waive", "comment", "Done by the partner agency"))
                .then().statusCode(200).body("state", equalTo("WAIVED"));

        Api.asAdmin().post("/api/stages/" + stage + "/close").then().statusCode(204);
        Api.asAdmin().get("/api/exhibitions/" + exhibition).then().body("stages[0].closed", equalTo(true));
        Api.asAdmin().post("/api/stages/" + stage + "/close").then().statusCode(409);
    }

    @Test
    void exhibitorsCannotSeeOrChangePlans() {
        long exhibition = TestExhibitions.june2027();
        long task = ((Number) Api.asAdmin().body(Map.of("stage", "PRE_SHOW", "title", "Signage", "durationDays", 3))
                .post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(201).extract().path("id")).longValue();
        String exhibitor = TestUsers.exhibitor(org.expodesk.party.TestOrganizations.create()).token();
        Api.as(exhibitor).get("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(403);
        Api.as(exhibitor).get("/api/tasks/" + task).then().statusCode(403);
        move(exhibitor, task, Map.of("action", "assign")).then().statusCode(403);
        Api.as(exhibitor).get("/api/exhibitions/" + exhibition + "/schedule").then().statusCode(403);
    }

    static io.restassured.response.Response move(String token, long task, Map<String, ?> body) {
        return Api.as(token).body(body).post("/api/tasks/" + task + "/transitions");
    }

    private static Map<String, Object> results(List<Integer> criteria, boolean first, boolean second) {
        return Map.of("action", "check", "results", List.of(
                Map.of("criterion", criteria.get(0), "passed", first, "note", first ? "ok" : "not yet"),
                Map.of("criterion", criteria.get(1), "passed", second, "note", second ? "ok" : "two deposits missing")));
    }
}
