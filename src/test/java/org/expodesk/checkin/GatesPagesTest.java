package org.expodesk.checkin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The gates and devices pages as form posts: refusals keep what was typed, a setup code is shown once. */
@QuarkusTest
class GatesPagesTest {

    private static final Pattern CODE = Pattern.compile("data-testid=\"setup-code\">([0-9A-Z]{5}-[0-9A-Z]{5})<");

    @Test
    void staffKeepGatesAndPoliciesOnThePage() {
        TestUser staff = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        BrowserSession page = BrowserSession.signedIn(staff.username(), staff.password());
        String here = "/exhibitions/" + exhibition + "/gates";
        assertThat(page.get(here).asString()).contains("data-testid=\"gate-main\"");

        Response refused = page.post(here, Map.of("name", "Main", "kind", "ENTRY", "zones", "hall a",
                "categories", "VIP lounge!"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("data-testid=\"error-name\"").contains("data-testid=\"error-categories\"")
                .contains("VIP lounge!");
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/gates").then().body("total", equalTo(1));

        assertThat(page.post(here, Map.of("name", "North hall", "kind", "ENTRY", "zones", "hall-a",
                "categories", "buyer, vip")).statusCode()).isEqualTo(303);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/gates").then()
                .body("items.find { it.name == 'North hall' }.categories", equalTo(List.of("BUYER", "VIP")))
                .body("items.find { it.name == 'North hall' }.kind", equalTo("ENTRY"));
        Number north = Api.asAdmin().get("/api/exhibitions/" + exhibition + "/gates").then().extract()
                .path("items.find { it.name == 'North hall' }.id");

        Response renamed = page.post(here + "/" + north, Map.of("name", "main", "kind", "EXIT", "zones", "",
                "categories", "", "version", "0"));
        assertThat(renamed.statusCode()).isEqualTo(400);
        assertThat(renamed.asString()).contains("data-testid=\"gate-error\"");
        assertThat(page.post(here + "/" + north, Map.of("name", "North", "kind", "EXIT", "zones", "",
                "categories", "", "version", "0")).statusCode()).isEqualTo(303);
        assertThat(page.post(here + "/" + north, Map.of("name", "Late edit", "kind", "EXIT", "zones", "",
                "categories", "", "version", "0")).statusCode()).isEqualTo(409);
        Api.asAdmin().get("/api/gates/" + north).then().body("name", equalTo("North")).body("kind", equalTo("EXIT"));

        assertThat(postPolicies(page, here, List.of("buyer", "press", ""), List.of("SINGLE_ENTRY", "FREE_REENTRY", ""))
                .statusCode()).isEqualTo(303);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/entry-policies").then()
                .body("items.category", equalTo(List.of("BUYER", "PRESS")));
        Response twice = postPolicies(page, here, List.of("VIP", "vip"), List.of("SINGLE_ENTRY", "FREE_REENTRY"));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.asString()).contains("data-testid=\"policy-error\"").contains("value=\"vip\"");
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/entry-policies").then()
                .body("items.category", equalTo(List.of("BUYER", "PRESS")));

        assertThat(page.post(here + "/" + north + "/remove", Map.of()).statusCode()).isEqualTo(303);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/gates").then().body("items.name", equalTo(List.of("main")));
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** The policies form repeats its fields, which BrowserSession's map cannot. */
    private static Response postPolicies(BrowserSession page, String here, List<String> categories, List<String> policies) {
        Matcher csrf = CSRF.matcher(page.get(here).asString());
        assertThat(csrf.find()).isTrue();
        return given().redirects().follow(false)
                .cookie("expodesk_session", page.cookie("expodesk_session"))
                .cookie("expodesk_csrf", page.cookie("expodesk_csrf"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf.group(1))
                .formParam("category", categories.toArray())
                .formParam("policy", policies.toArray())
                .post(here + "/policies");
    }

    @Test
    void aSetupCodeIsShownOnceAndRevokingEndsTheDevice() {
        TestUser staff = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        BrowserSession page = BrowserSession.signedIn(staff.username(), staff.password());
        String here = "/exhibitions/" + exhibition + "/devices";

        Response refused = page.post(here, Map.of("name", "", "gate", "main", "zones", "", "categories", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("data-testid=\"error-name\"");

        Response registered = page.post(here, Map.of("name", "Tablet east", "gate", "main", "zones", "",
                "categories", "visitor"));
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.header("Cache-Control")).contains("no-store");
        Matcher code = CODE.matcher(registered.asString());
        assertThat(code.find()).isTrue();
        assertThat(page.get(here).asString()).doesNotContain(code.group(1)).contains("Tablet east");

        String token = given().contentType("application/json").header("X-Forwarded-For", "192.0.2.251")
                .body(Map.of("setupCode", code.group(1))).post("/api/devices/activate")
                .then().statusCode(200).extract().path("token");
        Number device = Api.asAdmin().get("/api/exhibitions/" + exhibition + "/devices").then().extract()
                .path("items[0].id");
        assertThat(page.get(here).asString()).contains("data-testid=\"device-revoke-" + device + "\"");
        assertThat(page.post(here + "/" + device + "/revoke", Map.of()).statusCode()).isEqualTo(303);
        Api.as(token).get("/api/devices/me").then().statusCode(401);
        assertThat(page.post(here + "/" + device + "/setup-code", Map.of()).statusCode()).isEqualTo(409);
    }

    @Test
    void onlyStaffSeeThePages() {
        long exhibition = TestExhibitions.june2027();
        TestUser exhibitor = TestUsers.exhibitor(TestOrganizations.create());
        BrowserSession page = BrowserSession.signedIn(exhibitor.username(), exhibitor.password());
        assertThat(page.get("/exhibitions/" + exhibition + "/gates").statusCode()).isEqualTo(403);
        assertThat(page.get("/exhibitions/" + exhibition + "/devices").statusCode()).isEqualTo(403);
        assertThat(page.post("/exhibitions/" + exhibition + "/devices", Map.of("name", "Mine", "gate", "main",
                "zones", "", "categories", "")).statusCode()).isEqualTo(403);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/devices").then().body("total", equalTo(0));
        assertThat(given().redirects().follow(false).get("/exhibitions/" + exhibition + "/gates").statusCode())
                .isEqualTo(303);
        assertThat(given().redirects().follow(false).get("/exhibitions/" + exhibition + "/devices").statusCode())
                .isEqualTo(303);
    }
}
