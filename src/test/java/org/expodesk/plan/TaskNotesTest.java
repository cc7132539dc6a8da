package org.expodesk.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class TaskNotesTest {

    @Test
    void commentsAndLinksOnATaskButNoScriptAddresses() {
        TestUser staff = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        long task = ((Number) Api.asAdmin().body(Map.of("stage", "PREPARATION", "title", "Floor plan",
                "durationDays", 5)).post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(201)
                .extract().path("id")).longValue();

        Api.as(staff.token()).body(Map.of("body", "Hall 2 is smaller than last year")).post("/api/tasks/" + task + "/comments")
                .then().statusCode(201).body("author", equalTo(staff.username()));
        Api.asAdmin().body(Map.of("url", "javascript:alert(1)")).post("/api/tasks/" + task + "/links").then()
                .statusCode(400).body("errors[0].field", equalTo("url"));
        Api.asAdmin().body(Map.of("url", "https://drive.example.org/floorplan.pdf", "label", "Floor plan v3"))
                .post("/api/tasks/" + task + "/links").then().statusCode(201);

        BrowserSession page = BrowserSession.signedIn(staff.username(), staff.password());
        String html = page.get("/tasks/" + task).asString();
        assertThat(html).contains("Hall 2 is smaller than last year").contains("Floor plan v3")
                .contains("href=\"https://drive.example.org/floorplan.pdf\"");
        assertThat(page.post("/tasks/" + task + "/comments", Map.of("body", "Agreed with the venue")).statusCode())
                .isEqualTo(303);
        Response empty = page.post("/tasks/" + task + "/comments", Map.of("body", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        Api.asAdmin().get("/api/tasks/" + task + "/comments").then().body("size()", equalTo(2));
    }

    @Test
    void theTaskIsEditedOnItsPageAndAStaleFormIsRefused() {
        TestUser staff = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        long task = ((Number) Api.asAdmin().body(Map.of("stage", "PREPARATION", "title", "Catalogue",
                "durationDays", 5)).post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(201)
                .extract().path("id")).longValue();
        BrowserSession page = BrowserSession.signedIn(staff.username(), staff.password());
        page.get("/tasks/" + task);
        Map<String, String> form = Map.of("version", "0", "title", "Catalogue (bilingual)", "goal", "",
                "owner", String.valueOf(staff.id()), "checker", "", "durationDays", "8", "startOn", "",
                "dueOn", "", "priority", "HIGH");
        assertThat(page.post("/tasks/" + task + "/edit", form).statusCode()).isEqualTo(303);
        Api.asAdmin().get("/api/tasks/" + task).then().body("title", equalTo("Catalogue (bilingual)"))
                .body("durationDays", equalTo(8)).body("priority", equalTo("HIGH"))
                .body("owner", equalTo((int) staff.id()));

        page.get("/tasks/" + task);
        Response stale = page.post("/tasks/" + task + "/edit", form);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.asString()).contains("data-testid=\"task-refusal\"");
    }
}
