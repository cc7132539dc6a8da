package org.expodesk.followup;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The follow-up rules API: defaults, refusals at save, versions, and who may call it. */
@QuarkusTest
class FollowUpRuleApiTest {

    @Test
    void aNewRuleStartsFromItsKindsTemplatesSwitchedOffWithItsDueDay() {
        long edition = TestExhibitions.june2027();
        String staff = TestUsers.staff().token();

        Api.as(staff).body(Map.of("kind", "exhibitor-thanks", "name", "Thanks", "anchor", "closing", "offsetDays", 2))
                .post("/api/exhibitions/" + edition + "/followup-rules").then().statusCode(201)
                .header("Location", containsString("/api/followup-rules/"))
                .body("enabled", equalTo(false))
                .body("anchor", equalTo("CLOSING"))
                .body("dueDay", equalTo("2027-06-19"))
                .body("templates.en.subject", equalTo("Thank you for exhibiting at {exhibition}"))
                .body("templates.zh.subject", equalTo("感谢您参展{exhibition}"))
                .body("lastRunAt", nullValue());
        Api.as(staff).get("/api/exhibitions/" + edition + "/followup-rules").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].name", equalTo("Thanks"));
        Api.as(staff).get("/api/followup-rules/kinds").then().statusCode(200)
                .body("items.key", hasItem("rebooking-offer"))
                .body("items.find { it.key == 'rebooking-offer' }.mailKind", equalTo("MARKETING"))
                .body("items.find { it.key == 'task-deadlines' }.daily", equalTo(true));
    }

    @Test
    void aMalformedTemplateIsRefusedWhenSavedNamingPartAndLanguageAndNothingIsSaved() {
        long edition = TestExhibitions.june2027();
        Map<String, Object> body = new HashMap<>(Map.of("kind", "exhibitor-thanks", "name", "Broken", "anchor", "CLOSING",
                "offsetDays", 1, "templates", Map.of(
                        "en", Map.of("subject", "Thanks {name}", "text", "Dear {nmae}, thanks."),
                        "zh", Map.of("subject", "感谢", "text", "您好 {#if name}", "html", "<p>{name}</p>"))));
        Api.asAdmin().body(body).post("/api/exhibitions/" + edition + "/followup-rules").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("templates.en.text", "templates.zh.text"));
        Api.asAdmin().get("/api/exhibitions/" + edition + "/followup-rules").then().body("total", equalTo(0));

        body.put("templates", Map.of("en", Map.of("subject", "", "text", "Dear {name}")));
        body.put("kind", "no-such-kind");
        Api.asAdmin().body(body).post("/api/exhibitions/" + edition + "/followup-rules").then().statusCode(400)
                .body("errors.field", hasItem("kind"));
    }

    @Test
    void aChangeCarriesTheVersionItWasMadeOnAndABadTemplateLeavesTheRuleAsItWas() {
        long edition = TestExhibitions.june2027();
        long rule = TestRules.rule(edition, "exhibitor-thanks", "CLOSING", 1, false);
        Map<String, Object> change = new HashMap<>(Map.of("kind", "exhibitor-thanks", "name", "Thanks again",
                "anchor", "OPENING", "offsetDays", -3, "enabled", true, "version", 0));
        Api.asAdmin().body(change).put("/api/followup-rules/" + rule).then().statusCode(200)
                .body("name", equalTo("Thanks again")).body("enabled", equalTo(true)).body("dueDay", equalTo("2027-06-11"))
                .body("templates.en.subject", equalTo("Thank you for exhibiting at {exhibition}"));
        Api.asAdmin().body(change).put("/api/followup-rules/" + rule).then().statusCode(409);

        change.put("version", 1);
        change.put("templates", Map.of("zh", Map.of("subject", "{nosuchthing}感谢", "text", "好")));
        Api.asAdmin().body(change).put("/api/followup-rules/" + rule).then().statusCode(400)
                .body("errors.field", hasItem("templates.zh.subject"));
        change.remove("version");
        Api.asAdmin().body(change).put("/api/followup-rules/" + rule).then().statusCode(400)
                .body("errors.field", hasItem("version"));
        Api.asAdmin().get("/api/followup-rules/" + rule).then().statusCode(200)
                .body("version", equalTo(1)).body("templates.zh.subject", equalTo("感谢您参展{exhibition}"));

        Api.asAdmin().delete("/api/followup-rules/" + rule).then().statusCode(204);
        Api.asAdmin().get("/api/followup-rules/" + rule).then().statusCode(404);
    }

    @Test
    void aRuleRunsOnlyWhenSwitchedOnAndItsDryRunSendsNothing() {
        long edition = TestExhibitions.june2027();
        long rule = TestRules.rule(edition, "exhibitor-thanks", "CLOSING", 1, false);
        Api.asAdmin().get("/api/followup-rules/" + rule + "/dry-run").then().statusCode(200)
                .body("recipients", equalTo(0)).body("dueDay", equalTo("2027-06-18")).body("samples", hasSize(0));
        Api.asAdmin().post("/api/followup-rules/" + rule + "/run").then().statusCode(409);
        Api.asAdmin().body(Map.of("kind", "exhibitor-thanks", "name", "On", "anchor", "CLOSING", "offsetDays", 1,
                "enabled", true, "version", 0)).put("/api/followup-rules/" + rule).then().statusCode(200);
        Api.asAdmin().post("/api/followup-rules/" + rule + "/run").then().statusCode(200)
                .body("recipients", equalTo(0)).body("queued", equalTo(0));
        Api.asAdmin().get("/api/followup-rules/" + rule).then().body("lastRunAt", notNullValue())
                .body("version", equalTo(1));
    }

    @Test
    void exhibitorsAreRefusedEverythingAndAnonymousCallersMustSignIn() {
        long edition = TestExhibitions.june2027();
        long rule = TestRules.rule(edition, "exhibitor-thanks", "CLOSING", 1, false);
        String exhibitor = TestUsers.exhibitor(TestOrganizations.create()).token();
        Map<String, Object> body = Map.of("kind", "exhibitor-thanks", "name", "X", "anchor", "CLOSING", "offsetDays", 1,
                "version", 0);
        for (String token : List.of(exhibitor, "")) {
            int status = token.isEmpty() ? 401 : 403;
            var as = token.isEmpty() ? given().contentType("application/json") : Api.as(token);
            as.get("/api/exhibitions/" + edition + "/followup-rules").then().statusCode(status);
            as.body(body).post("/api/exhibitions/" + edition + "/followup-rules").then().statusCode(status);
            as.get("/api/followup-rules/kinds").then().statusCode(status);
            as.get("/api/followup-rules/" + rule).then().statusCode(status);
            as.body(body).put("/api/followup-rules/" + rule).then().statusCode(status);
            as.get("/api/followup-rules/" + rule + "/dry-run").then().statusCode(status);
            as.post("/api/followup-rules/" + rule + "/run").then().statusCode(status);
            as.delete("/api/followup-rules/" + rule).then().statusCode(status);
        }
        Api.asAdmin().get("/api/followup-rules/" + rule).then().statusCode(200).body("name", notNullValue());
    }
}
