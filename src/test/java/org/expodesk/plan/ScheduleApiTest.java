package org.expodesk.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The time chain over the API, on the real working-day calendar (the exhibition opens Monday
 * 2027-06-14). Venue contract (5 d from Mon 05-03) → floor plan (3 d) → +2 d lag → exhibitor
 * manual (2 d, due Tue 05-18): a chain with no slack at all. Badge design (2 d) stands alone.
 */
@QuarkusTest
class ScheduleApiTest {

    @Test
    void datesSlackAndTheCriticalPathOnTheCalendarThenASlip() {
        TestUser owner = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        long venue = task(exhibition, Map.of("stage", "PRE_SHOW", "title", "Venue contract", "durationDays", 5,
                "startOn", "2027-05-03", "owner", owner.username()));
        long floor = task(exhibition, Map.of("stage", "PRE_SHOW", "title", "Floor plan", "durationDays", 3,
                "dependsOn", List.of(Map.of("task", venue))));
        long manual = task(exhibition, Map.of("stage", "PRE_SHOW", "title", "Exhibitor manual", "durationDays", 2,
                "dueOn", "2027-05-18", "dependsOn", List.of(Map.of("task", floor, "lagDays", 2))));
        long badges = task(exhibition, Map.of("stage", "PRE_SHOW", "title", "Badge design", "durationDays", 2,
                "startOn", "2027-05-03"));

        JsonPath plan = schedule(exhibition);
        assertRow(plan, venue, "2027-05-03", "2027-05-07", 0, true, false);
        assertRow(plan, floor, "2027-05-10", "2027-05-12", 0, true, false);
        assertRow(plan, manual, "2027-05-17", "2027-05-18", 0, true, false);
        assertThat(row(plan, badges).getBoolean("critical")).isFalse();
        assertThat(row(plan, badges).getInt("slackDays")).isPositive();
        assertThat(row(plan, manual).getString("lateStart")).isEqualTo("2027-05-17");

        // the venue contract slips: now forecast for Tuesday 05-11
        String ownerToken = owner.token();
        ControlLoopApiTest.move(Api.adminToken(), venue, Map.of("action", "assign")).then().statusCode(200);
        ControlLoopApiTest.move(ownerToken, venue, Map.of("action", "start")).then().statusCode(200);
        ControlLoopApiTest.move(ownerToken, venue, Map.of("action", "progress", "percentComplete", 40,
                "forecastFinish", "2027-05-11")).then().statusCode(200);

        JsonPath slipped = schedule(exhibition);
        assertThat(row(slipped, venue).getString("earlyFinish")).isEqualTo("2027-05-11");
        assertRow(slipped, floor, "2027-05-12", "2027-05-14", -2, true, false);
        assertRow(slipped, manual, "2027-05-19", "2027-05-20", -2, true, true);
        assertThat(row(slipped, badges).getBoolean("atRisk")).isFalse();
        assertThat(row(slipped, badges).getString("earlyStart")).isEqualTo("2027-05-03");
    }

    @Test
    void aBaselineShowsSlipAndTheTimelineDrawsTheChain() {
        TestUser owner = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        long venue = task(exhibition, Map.of("stage", "PRE_SHOW", "title", "Venue contract", "durationDays", 5,
                "startOn", "2027-05-03", "owner", owner.username()));
        long floor = task(exhibition, Map.of("stage", "PRE_SHOW", "title", "Floor plan", "durationDays", 3,
                "dueOn", "2027-05-12", "dependsOn", List.of(Map.of("task", venue))));
        Api.asAdmin().body(Map.of("name", "Kick-off plan")).post("/api/exhibitions/" + exhibition + "/baselines")
                .then().statusCode(201).body("name", equalTo("Kick-off plan"));
        assertThat(row(schedule(exhibition), floor).getInt("slipDays")).isZero();

        String ownerToken = owner.token();
        ControlLoopApiTest.move(Api.adminToken(), venue, Map.of("action", "assign")).then().statusCode(200);
        ControlLoopApiTest.move(ownerToken, venue, Map.of("action", "start")).then().statusCode(200);
        ControlLoopApiTest.move(ownerToken, venue, Map.of("action", "progress", "forecastFinish", "2027-05-11"))
                .then().statusCode(200);

        JsonPath slipped = schedule(exhibition);
        assertThat(row(slipped, floor).getString("baselineFinish")).isEqualTo("2027-05-12");
        assertThat(row(slipped, floor).getInt("slipDays")).isEqualTo(2);
        assertThat(row(slipped, venue).getInt("slipDays")).isEqualTo(2);

        org.expodesk.testing.BrowserSession page = org.expodesk.testing.BrowserSession.signedIn(owner.username(),
                owner.password());
        String svg = page.get("/exhibitions/" + exhibition + "/timeline").asString();
        assertThat(svg).contains("data-testid=\"timeline\"").contains("Floor plan").contains("(+2)")
                .contains("class=\"bar risk\"").contains("class=\"baseline\"").contains("marker-end=\"url(#arrow)\"");
    }

    @Test
    void aDependencyThatWouldCloseACycleIsRefusedAndNamed() {
        long exhibition = TestExhibitions.june2027();
        long a = task(exhibition, Map.of("stage", "PREPARATION", "title", "Alpha", "durationDays", 1));
        long b = task(exhibition, Map.of("stage", "PREPARATION", "title", "Bravo", "durationDays", 1,
                "dependsOn", List.of(Map.of("task", a))));
        long c = task(exhibition, Map.of("stage", "PREPARATION", "title", "Charlie", "durationDays", 1));
        Api.asAdmin().body(Map.of("task", b)).post("/api/tasks/" + c + "/dependencies").then().statusCode(201);

        Api.asAdmin().body(Map.of("task", c)).post("/api/tasks/" + a + "/dependencies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("'Alpha'"))
                .body("detail", containsString("'Bravo'"))
                .body("detail", containsString("'Charlie'"));
        Api.asAdmin().get("/api/tasks/" + a).then().body("dependsOn.size()", equalTo(0));
        Api.asAdmin().body(Map.of("task", a)).post("/api/tasks/" + a + "/dependencies").then().statusCode(400);
    }

    @Test
    void badTasksAreRefusedFieldByFieldAndNothingIsSaved() {
        long exhibition = TestExhibitions.june2027();
        Api.asAdmin().body(Map.of("stage", "NO_SUCH_STAGE", "title", "Bad", "durationDays", -1, "owner", "ghost-user",
                        "startOn", "2031-01-01", "dependsOn", List.of(Map.of("task", 99999999))))
                .post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("stage", "durationDays", "owner",
                        "startOn", "dependsOn[0].task"));
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/tasks").then().body("total", equalTo(0));
    }

    @Test
    void aSecondEditorWithAStaleVersionGetsAConflictAndLosesNothingSilently() {
        long exhibition = TestExhibitions.june2027();
        long id = task(exhibition, Map.of("stage", "PREPARATION", "title", "Hotel block", "durationDays", 4));
        int version = Api.asAdmin().get("/api/tasks/" + id).then().extract().path("version");

        Api.asAdmin().body(Map.of("version", version, "title", "Hotel block (200 rooms)")).patch("/api/tasks/" + id)
                .then().statusCode(200).body("title", equalTo("Hotel block (200 rooms)"));
        Api.asAdmin().body(Map.of("version", version, "durationDays", 9)).patch("/api/tasks/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        Api.asAdmin().get("/api/tasks/" + id).then().body("title", equalTo("Hotel block (200 rooms)"))
                .body("durationDays", equalTo(4));
    }

    private static long task(long exhibition, Map<String, ?> body) {
        return ((Number) Api.asAdmin().body(body).post("/api/exhibitions/" + exhibition + "/tasks")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    private static JsonPath schedule(long exhibition) {
        return Api.asAdmin().get("/api/exhibitions/" + exhibition + "/schedule").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath row(JsonPath plan, long task) {
        List<Map<String, Object>> items = plan.getList("items");
        Map<String, Object> found = items.stream().filter(i -> ((Number) i.get("task")).longValue() == task).findFirst()
                .orElseThrow();
        return new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(found).toString());
    }

    private static void assertRow(JsonPath plan, long task, String start, String finish, int slack, boolean critical,
                                  boolean atRisk) {
        JsonPath r = row(plan, task);
        assertThat(r.getString("earlyStart")).as("earlyStart of " + task).isEqualTo(start);
        assertThat(r.getString("earlyFinish")).as("earlyFinish of " + task).isEqualTo(finish);
        assertThat(r.getInt("slackDays")).as("slack of " + task).isEqualTo(slack);
        assertThat(r.getBoolean("critical")).as("critical " + task).isEqualTo(critical);
        assertThat(r.getBoolean("atRisk")).as("atRisk " + task).isEqualTo(atRisk);
    }
}
