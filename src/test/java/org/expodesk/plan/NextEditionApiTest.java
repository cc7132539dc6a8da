package org.expodesk.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class NextEditionApiTest {

    @Test
    void theNextEditionShiftsEveryDateByTheSameOffsetAndStartsAllOver() {
        TestUser owner = TestUsers.staff();
        long source = TestExhibitions.june2027();
        long venue = task(source, Map.of("stage", "PRE_SHOW", "title", "Venue contract", "durationDays", 5,
                "startOn", "2027-05-03", "dueOn", "2027-05-28", "owner", owner.username(),
                "criteria", List.of(Map.of("text", "Signed", "target", "1"))));
        long floor = task(source, Map.of("stage", "PRE_SHOW", "title", "Floor plan", "durationDays", 3,
                "dependsOn", List.of(Map.of("task", venue, "lagDays", 2))));
        ControlLoopApiTest.move(Api.adminToken(), venue, Map.of("action", "assign")).then().statusCode(200);
        ControlLoopApiTest.move(owner.token(), venue, Map.of("action", "start")).then().statusCode(200);

        String code = "NX" + System.nanoTime() % 1_000_000;
        JsonPath next = Api.asAdmin().body(Map.of("code", code, "name", "Test Expo 2028", "opensOn", "2028-06-12",
                        "closesOn", "2028-06-15"))
                .post("/api/exhibitions/" + source + "/editions").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/exhibitions/" + Api.asAdmin()
                        .get("/api/exhibitions").then().extract().jsonPath().getLong("items.find { it.code == '" + code
                                + "' }.id")))
                .body("series", equalTo(Api.asAdmin().get("/api/exhibitions/" + source).then().extract().path("series")))
                .extract().jsonPath();
        long offset = ChronoUnit.DAYS.between(LocalDate.of(2027, 6, 14), LocalDate.of(2028, 6, 12));

        JsonPath old = Api.asAdmin().get("/api/exhibitions/" + source).then().extract().jsonPath();
        for (int i = 0; i < 6; i++) {
            if (i == 3) {
                continue; // show days follow the new opening and closing days
            }
            assertThat(LocalDate.parse(next.getString("stages[" + i + "].startsOn")))
                    .isEqualTo(LocalDate.parse(old.getString("stages[" + i + "].startsOn")).plusDays(offset));
        }
        assertThat(next.getString("buildUpFrom")).isEqualTo(LocalDate.of(2027, 6, 12).plusDays(offset).toString());

        long edition = next.getLong("id");
        JsonPath tasks = Api.asAdmin().get("/api/exhibitions/" + edition + "/tasks").then().statusCode(200)
                .extract().jsonPath();
        assertThat(tasks.getList("items")).hasSize(2);
        assertThat(tasks.getList("items.state")).containsOnly("PLANNED");
        assertThat(tasks.getString("items.find { it.title == 'Venue contract' }.startOn"))
                .isEqualTo(LocalDate.of(2027, 5, 3).plusDays(offset).toString());
        assertThat(tasks.getString("items.find { it.title == 'Venue contract' }.dueOn"))
                .isEqualTo(LocalDate.of(2027, 5, 28).plusDays(offset).toString());
        assertThat(tasks.getString("items.find { it.title == 'Venue contract' }.actualStart")).isNull();
        assertThat(tasks.getLong("items.find { it.title == 'Venue contract' }.owner")).isEqualTo(owner.id());
        assertThat(tasks.getString("items.find { it.title == 'Venue contract' }.criteria[0].text")).isEqualTo("Signed");
        long newVenue = tasks.getLong("items.find { it.title == 'Venue contract' }.id");
        assertThat(tasks.getLong("items.find { it.title == 'Floor plan' }.dependsOn[0].task")).isEqualTo(newVenue);
        assertThat(tasks.getInt("items.find { it.title == 'Floor plan' }.dependsOn[0].lagDays")).isEqualTo(2);
        Api.asAdmin().get("/api/tasks/" + floor).then().body("exhibition", equalTo((int) source));
    }

    private static long task(long exhibition, Map<String, ?> body) {
        return ((Number) Api.asAdmin().body(body).post("/api/exhibitions/" + exhibition + "/tasks")
                .then().statusCode(201).extract().path("id")).longValue();
    }
}
