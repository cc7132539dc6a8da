package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Staff correct an organization's details; nothing saved is lost to a bad or stale edit. */
@QuarkusTest
class OrganizationEditTest {

    @Test
    void anEditChangesWhatWasSentClearsWhatWasEmptiedAndKeepsTheRest() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        JsonPath created = Api.asAdmin().body(Map.of("name", "Qingdao Brewing " + unique, "country", "CN", "city", "Qingdao",
                "phone", "+86 532 1234 5678", "industry", "Food")).post("/api/organizations").then().statusCode(201)
                .extract().jsonPath();
        long id = created.getLong("id");

        Api.asAdmin().body(Map.of("version", created.getLong("version"), "name", "Qingdao Brewery " + unique,
                        "website", "https://brewery" + unique + ".example.cn", "industry", "", "creditStatus", "prepay_only"))
                .patch("/api/organizations/" + id).then().statusCode(200).body("creditStatus", equalTo("PREPAY_ONLY"))
                .body("name", equalTo("Qingdao Brewery " + unique)).body("domain", equalTo("brewery" + unique + ".example.cn"))
                .body("industry", nullValue()).body("city", equalTo("Qingdao")).body("phone", equalTo("+86 532 1234 5678"));
        // the new name is what search finds
        Api.asAdmin().queryParam("q", "brewery " + unique).get("/api/search").then().body("items.id", hasItem((int) id));
    }

    @Test
    void aStaleOrBadEditIsRefusedAndChangesNothing() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        JsonPath created = Api.asAdmin().body(Map.of("name", "Xiamen Tea " + unique, "email", "info@tea" + unique + ".example.cn"))
                .post("/api/organizations").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        long version = created.getLong("version");

        Api.asAdmin().body(Map.of("version", version, "email", "not an address", "name", "", "creditStatus", "rich"))
                .patch("/api/organizations/" + id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email")).body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("creditStatus"));
        Api.asAdmin().body(Map.of("version", version, "city", "Xiamen")).patch("/api/organizations/" + id)
                .then().statusCode(200);
        Api.asAdmin().header("Accept-Language", "zh-CN").body(Map.of("version", version, "city", "Fuzhou"))
                .patch("/api/organizations/" + id).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("其他人刚刚修改了此记录"));
        Api.asAdmin().get("/api/organizations/" + id).then().body("city", equalTo("Xiamen"))
                .body("email", equalTo("info@tea" + unique + ".example.cn")).body("name", equalTo("Xiamen Tea " + unique));
    }

    @Test
    void anEditThatMakesTwoRecordsLookAlikeQueuesThemForReviewButNeverMerges() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long first = TestOrganizations.create("Dalian Marine" + unique + " Equipment");
        JsonPath second = Api.asAdmin().body(Map.of("name", "Harbin Boilers " + unique)).post("/api/organizations")
                .then().statusCode(201).extract().jsonPath();
        Api.asAdmin().body(Map.of("version", second.getLong("version"), "name", "Dalian Marine" + unique + " Equipment Co., Ltd.",
                        "country", "CN"))
                .patch("/api/organizations/" + second.getLong("id")).then().statusCode(200).body("mergedInto", nullValue());
        Api.asAdmin().get("/api/dedup/candidates").then()
                .body("items.findAll { it.record == " + second.getLong("id") + " }.candidate", hasItem((int) first));
    }

    @Test
    void theEditPageReRendersWithFieldErrorsAndExhibitorsCannotEditAtAll() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long id = TestOrganizations.create("Suzhou Silk " + unique);
        TestUser staff = TestUsers.staff();
        BrowserSession session = BrowserSession.signedIn(staff.username(), staff.password());
        session.get("/customers/organizations/" + id + "/edit").then().statusCode(200)
                .body(containsString("value=\"Suzhou Silk " + unique + "\""));
        long version = Api.asAdmin().get("/api/organizations/" + id).then().extract().jsonPath().getLong("version");
        Map<String, String> form = new HashMap<>(Map.of("version", String.valueOf(version), "name", "Suzhou Silk " + unique,
                "country", "China", "city", "Suzhou"));
        session.post("/customers/organizations/" + id + "/edit", form).then().statusCode(400)
                .body(containsString("data-testid=\"error-country\"")).body(containsString("value=\"Suzhou\""));
        form.put("country", "CN");
        session.post("/customers/organizations/" + id + "/edit", form).then().statusCode(303);
        Api.asAdmin().get("/api/organizations/" + id).then().body("country", equalTo("CN")).body("city", equalTo("Suzhou"));

        long other = TestOrganizations.create();
        TestUser exhibitor = TestUsers.exhibitor(other);
        Api.as(exhibitor.token()).body(Map.of("version", version, "name", "Taken over")).patch("/api/organizations/" + id)
                .then().statusCode(403);
        Api.as(exhibitor.token()).body(Map.of("version", 0, "name", "Renamed")).patch("/api/organizations/" + other)
                .then().statusCode(403);
        BrowserSession.signedIn(exhibitor.username(), exhibitor.password())
                .get("/customers/organizations/" + id + "/edit").then().statusCode(403);
        Api.asAdmin().get("/api/organizations/" + id).then().body("name", equalTo("Suzhou Silk " + unique));
    }
}
