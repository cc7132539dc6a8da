package org.expodesk.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages for risks, stages, days off, templates and the next edition, driven as forms. */
@QuarkusTest
class PlanSettingsPagesTest {

    @Test
    void aRiskIsRegisteredAndItsPlanActivatedFromThePage() {
        TestUser staff = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        BrowserSession page = BrowserSession.signedIn(staff.username(), staff.password());
        page.get("/exhibitions/" + exhibition + "/risks");
        Response added = page.post("/exhibitions/" + exhibition + "/risks", Map.of("title", "Customs hold-up",
                "likelihood", "3", "impact", "4", "trigger", "Goods not cleared 5 days before build-up",
                "responsePlan", "Use the bonded warehouse", "owner", String.valueOf(staff.id()),
                "responses", "Call the customs broker | 1\nBook bonded storage | 2"));
        assertThat(added.statusCode()).isEqualTo(303);
        String html = page.get("/exhibitions/" + exhibition + "/risks").asString();
        assertThat(html).contains("Customs hold-up").contains("3 × 4 = 12").contains("Book bonded storage (2)");

        long risk = Api.asAdmin().get("/api/exhibitions/" + exhibition + "/risks").then().extract().jsonPath()
                .getLong("items[0].id");
        assertThat(page.post("/exhibitions/" + exhibition + "/risks/" + risk + "/activate",
                Map.of("reason", "Container stuck in Nansha")).statusCode()).isEqualTo(303);
        assertThat(page.get("/exhibitions/" + exhibition + "/risks").asString()).contains("Container stuck in Nansha");
        assertThat(page.get("/exhibitions/" + exhibition).asString()).contains("Call the customs broker");

        Response invalid = page.post("/exhibitions/" + exhibition + "/risks", Map.of("title", "", "likelihood", "7",
                "impact", "2", "responses", ""));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.asString()).contains("data-testid=\"error-likelihood\"").contains("data-testid=\"error-title\"");
    }

    @Test
    void stagesDaysOffTemplatesAndTheNextEditionFromTheSettingsPage() {
        TestUser staff = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        BrowserSession page = BrowserSession.signedIn(staff.username(), staff.password());
        page.get("/exhibitions/" + exhibition + "/settings");
        JsonPath expo = Api.asAdmin().get("/api/exhibitions/" + exhibition).then().extract().jsonPath();
        long preShow = expo.getLong("stages.find { it.code == 'PRE_SHOW' }.id");

        assertThat(page.post("/exhibitions/" + exhibition + "/settings/stages/" + preShow, Map.of("version", "0",
                "name", "会前准备", "startsOn", "2027-04-12", "endsOn", "2027-06-11",
                "manager", String.valueOf(staff.id()))).statusCode()).isEqualTo(303);
        Api.asAdmin().get("/api/exhibitions/" + exhibition).then()
                .body("stages.find { it.code == 'PRE_SHOW' }.name", org.hamcrest.Matchers.equalTo("会前准备"))
                .body("stages.find { it.code == 'PRE_SHOW' }.startsOn", org.hamcrest.Matchers.equalTo("2027-04-12"))
                .body("stages.find { it.code == 'PRE_SHOW' }.manager", org.hamcrest.Matchers.equalTo((int) staff.id()));
        page.get("/exhibitions/" + exhibition + "/settings");
        Response stale = page.post("/exhibitions/" + exhibition + "/settings/stages/" + preShow, Map.of("version", "0",
                "name", "Stale edit", "startsOn", "2027-04-12", "endsOn", "2027-06-11", "manager", ""));
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.asString()).contains("Someone else changed this");

        Api.asAdmin().body(Map.of("stage", "RECESS", "title", "Keeps the stage", "durationDays", 1))
                .post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(201);
        long recess = expo.getLong("stages.find { it.code == 'RECESS' }.id");
        long closing = expo.getLong("stages.find { it.code == 'CLOSING' }.id");
        page.get("/exhibitions/" + exhibition + "/settings");
        Response kept = page.post("/exhibitions/" + exhibition + "/settings/stages/" + recess + "/remove", Map.of());
        assertThat(kept.statusCode()).isEqualTo(409);
        assertThat(kept.asString()).contains("still holds 1 tasks");
        assertThat(page.post("/exhibitions/" + exhibition + "/settings/stages/" + closing + "/remove", Map.of())
                .statusCode()).isEqualTo(303);

        page.get("/exhibitions/" + exhibition + "/settings");
        assertThat(page.post("/exhibitions/" + exhibition + "/settings/holidays",
                Map.of("day", "2027-05-03", "name", "Labour Day (observed)")).statusCode()).isEqualTo(303);
        assertThat(page.get("/exhibitions/" + exhibition + "/settings").asString()).contains("Labour Day (observed)");

        String templateName = "Settings page template " + System.nanoTime();
        assertThat(page.post("/exhibitions/" + exhibition + "/settings/template",
                Map.of("templateName", templateName)).statusCode()).isEqualTo(303);
        String templates = page.get("/plan-templates").asString();
        assertThat(templates).contains(templateName);

        String code = "ED" + System.nanoTime() % 1_000_000;
        Response next = page.post("/exhibitions/" + exhibition + "/settings/next-edition", Map.of("editionCode", code,
                "editionName", "Next one", "editionOpensOn", "2028-06-12", "editionClosesOn", "2028-06-15"));
        assertThat(next.statusCode()).isEqualTo(303);
        assertThat(page.get(next.header("Location").replaceAll("^https?://[^/]+", "")).asString()).contains("Next one");

        page.get("/exhibitions/" + exhibition + "/settings");
        Response bad = page.post("/exhibitions/" + exhibition + "/settings/next-edition", Map.of("editionCode", code,
                "editionName", "Duplicate", "editionOpensOn", "2028-06-12", "editionClosesOn", "2028-06-15"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("data-testid=\"error-editionCode\"");
    }
}
