package org.expodesk.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PlanTemplateApiTest {

    @Test
    void aPlanKeptAsATemplateStartsAShowOfAnotherLengthWithEveryDateInPlace() {
        String owner = TestUsers.staff().username();
        long source = TestExhibitions.june2027(); // opens Mon 2027-06-14, closes Thu 06-17
        long venue = task(source, Map.of("stage", "PRE_SHOW", "title", "Venue contract", "durationDays", 5,
                "startOn", "2027-05-03", "dueOn", "2027-05-28", "owner", owner, "priority", "HIGH",
                "criteria", List.of(Map.of("text", "Signed"))));
        task(source, Map.of("stage", "PRE_SHOW", "title", "Floor plan", "durationDays", 3,
                "dependsOn", List.of(Map.of("task", venue, "lagDays", 1))));
        task(source, Map.of("stage", "CLOSING", "title", "Survey", "durationDays", 2, "startOn", "2027-06-21"));
        Api.asAdmin().body(Map.of("title", "Power cut", "likelihood", 2, "impact", 4,
                        "responses", List.of(Map.of("title", "Start generators", "durationDays", 0))))
                .post("/api/exhibitions/" + source + "/risks").then().statusCode(201);

        String name = "Trade fair plan " + System.nanoTime();
        long template = ((Number) Api.asAdmin().body(Map.of("exhibition", source, "name", name))
                .post("/api/plan-templates").then().statusCode(201)
                .body("tasks", equalTo(3)).body("stages", equalTo(6)).body("risks", equalTo(1))
                .extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("exhibition", source, "name", name)).post("/api/plan-templates").then()
                .statusCode(400).body("errors[0].field", equalTo("name"));

        String code = "TPL" + System.nanoTime() % 1_000_000;
        JsonPath show = Api.asAdmin().body(Map.of("code", code, "name", "From a template", "venue", "Hall 9",
                        "city", "Shenzhen", "timezone", "Asia/Shanghai", "opensOn", "2028-03-06", "closesOn", "2028-03-10"))
                .post("/api/plan-templates/" + template + "/exhibitions").then().statusCode(201)
                .extract().jsonPath();
        assertThat(show.getString("stages.find { it.code == 'PRE_SHOW' }.startsOn")).isEqualTo("2028-01-06");
        assertThat(show.getString("stages.find { it.code == 'SHOW_DAYS' }.endsOn")).isEqualTo("2028-03-10");
        assertThat(show.getString("stages.find { it.code == 'CLOSING' }.startsOn")).isEqualTo("2028-03-11");

        long id = show.getLong("id");
        JsonPath tasks = Api.asAdmin().get("/api/exhibitions/" + id + "/tasks").then().extract().jsonPath();
        // 2027-05-03 was 42 days before opening; 2027-06-21 four days after closing
        assertThat(tasks.getString("items.find { it.title == 'Venue contract' }.startOn")).isEqualTo("2028-01-24");
        assertThat(tasks.getString("items.find { it.title == 'Venue contract' }.dueOn")).isEqualTo("2028-02-18");
        assertThat(tasks.getString("items.find { it.title == 'Venue contract' }.priority")).isEqualTo("HIGH");
        assertThat(tasks.getString("items.find { it.title == 'Venue contract' }.owner")).isNull();
        assertThat(tasks.getList("items.find { it.title == 'Venue contract' }.criteria.text")).containsExactly("Signed");
        assertThat(tasks.getString("items.find { it.title == 'Survey' }.startOn")).isEqualTo("2028-03-14");
        assertThat(tasks.getList("items.state")).containsOnly("PLANNED");
        long newVenue = tasks.getLong("items.find { it.title == 'Venue contract' }.id");
        assertThat(tasks.getLong("items.find { it.title == 'Floor plan' }.dependsOn[0].task")).isEqualTo(newVenue);
        Api.asAdmin().get("/api/exhibitions/" + id + "/risks").then().body("items[0].title", equalTo("Power cut"))
                .body("items[0].state", equalTo("OPEN")).body("items[0].responses[0].title", equalTo("Start generators"));
        Api.asAdmin().get("/api/plan-templates").then().body("items.name", org.hamcrest.Matchers.hasItem(name));
    }

    private static long task(long exhibition, Map<String, ?> body) {
        return ((Number) Api.asAdmin().body(body).post("/api/exhibitions/" + exhibition + "/tasks")
                .then().statusCode(201).extract().path("id")).longValue();
    }
}
