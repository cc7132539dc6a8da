package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ProductCategoryApiTest {

    @Test
    void theSeededTaxonomyIsReadableByExhibitorsAndManagedByStaff() {
        String exhibitor = TestUsers.exhibitor(TestOrganizations.create()).token();
        Api.as(exhibitor).get("/api/product-categories").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(40))
                .body("items.find { it.code == 'FOOD' }.nameZh", equalTo("食品饮料"))
                .body("items.find { it.code == 'FOOD-BEV' }.parent", equalTo("FOOD"));
        Api.as(exhibitor).body(Map.of("code", "X1", "nameEn", "X", "nameZh", "X")).post("/api/product-categories")
                .then().statusCode(403);

        String code = "T" + System.nanoTime() % 1_000_000_000L;
        long top = ((Number) Api.asAdmin().body(Map.of("code", code.toLowerCase(), "nameEn", "Pet supplies",
                        "nameZh", "宠物用品", "sortOrder", 130)).post("/api/product-categories").then().statusCode(201)
                .body("code", equalTo(code)).body("active", equalTo(true)).extract().path("id")).longValue();
        long sub = ((Number) Api.asAdmin().body(Map.of("code", code + "-FOOD", "nameEn", "Pet food", "nameZh", "宠物食品",
                        "parent", code)).post("/api/product-categories").then().statusCode(201)
                .body("parent", equalTo(code)).extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("code", code + "-X", "nameEn", "Too deep", "nameZh", "太深", "parent", code + "-FOOD"))
                .post("/api/product-categories").then().statusCode(400).body("errors[0].field", equalTo("parent"));
        Api.asAdmin().body(Map.of("code", code, "nameEn", "", "nameZh", "重复"))
                .post("/api/product-categories").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("code", "nameEn"));
        Api.asAdmin().body(Map.of("code", "bad code!", "nameEn", "x", "nameZh", "x"))
                .post("/api/product-categories").then().statusCode(400).body("errors[0].field", equalTo("code"));

        Api.asAdmin().body(Map.of("nameEn", "Pet food and treats")).patch("/api/product-categories/" + sub).then()
                .statusCode(400).body("errors[0].field", equalTo("version"));
        Api.asAdmin().body(Map.of("nameEn", "Pet food and treats", "version", 0)).patch("/api/product-categories/" + sub)
                .then().statusCode(200).body("nameEn", equalTo("Pet food and treats")).body("nameZh", equalTo("宠物食品"))
                .body("version", equalTo(1));
        Api.asAdmin().body(Map.of("active", false, "version", 0)).patch("/api/product-categories/" + sub).then()
                .statusCode(409);
        Api.as(exhibitor).body(Map.of("active", false, "version", 1)).patch("/api/product-categories/" + sub).then()
                .statusCode(403);
        Api.asAdmin().get("/api/product-categories").then().body("items.code", hasItem(code + "-FOOD"));
        Api.asAdmin().body(Map.of("nameZh", "", "version", 0)).patch("/api/product-categories/" + top).then()
                .statusCode(400);
    }

    @Test
    void organizationsHaveCategoriesAndRetiredOnesCannotBeChosenAnew() {
        String u = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long retiring = ((Number) Api.asAdmin().body(Map.of("code", "R" + u, "nameEn", "Fax machines",
                        "nameZh", "传真机")).post("/api/product-categories").then().statusCode(201).extract().path("id"))
                .longValue();
        long org = ((Number) Api.asAdmin().body(Map.of("name", "Categorised " + u, "categories",
                        List.of("home-furn", "R" + u))).post("/api/organizations").then().statusCode(201)
                .body("categories", contains("HOME-FURN", "R" + u)).extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("active", false, "version", 0)).patch("/api/product-categories/" + retiring).then()
                .statusCode(200);

        // bad codes: a field error, and the organization is not created
        Api.asAdmin().body(Map.of("name", "Uncategorised " + u, "categories", List.of("NO-SUCH")))
                .post("/api/organizations").then().statusCode(400).body("errors[0].field", equalTo("categories"));
        Api.asAdmin().body(Map.of("name", "Retired pick " + u, "categories", List.of("R" + u)))
                .post("/api/organizations").then().statusCode(400).body("errors[0].field", equalTo("categories"));
        Api.asAdmin().queryParam("q", "Uncategorised " + u).get("/api/search").then().body("total", equalTo(0));
        Api.asAdmin().queryParam("q", "Retired pick " + u).get("/api/search").then().body("total", equalTo(0));

        // a retired category the organization already has may stay
        Api.asAdmin().body(Map.of("categories", List.of("R" + u, "FOOD-BEV"))).put("/api/organizations/" + org + "/categories")
                .then().statusCode(200).body("categories", contains("FOOD-BEV", "R" + u));
        Api.asAdmin().body(Map.of("categories", List.of("FOOD-BEV", "NOPE"))).put("/api/organizations/" + org + "/categories")
                .then().statusCode(400).body("errors[0].field", equalTo("categories"));
        Api.asAdmin().get("/api/organizations/" + org).then().body("categories", contains("FOOD-BEV", "R" + u));
        Api.asAdmin().queryParam("action", "UPDATE").queryParam("entityType", "Organization")
                .queryParam("entityId", String.valueOf(org)).get("/api/audit").then()
                .body("items.detail", hasItem("categories [HOME-FURN, R" + u + "] -> [FOOD-BEV, R" + u + "]"));

        long duplicate = ((Number) Api.asAdmin().body(Map.of("name", "Categorised duplicate " + u, "categories",
                List.of("FOOD-BEV", "FOOD-AGRI"))).post("/api/organizations").then().statusCode(201).extract()
                .path("id")).longValue();
        long merge = ((Number) Api.asAdmin().body(Map.of("duplicate", duplicate)).post("/api/organizations/" + org + "/merge")
                .then().statusCode(200).body("survivor.categories", contains("FOOD-AGRI", "FOOD-BEV", "R" + u))
                .extract().path("merge")).longValue();
        Api.asAdmin().post("/api/merges/" + merge + "/undo").then().statusCode(200);
        Api.asAdmin().get("/api/organizations/" + org).then().body("categories", contains("FOOD-BEV", "R" + u));

        String own = TestUsers.exhibitor(org).token();
        Api.as(own).get("/api/organizations/" + org).then().statusCode(200).body("categories", contains("FOOD-BEV", "R" + u));
        Api.as(own).body(Map.of("categories", List.of())).put("/api/organizations/" + org + "/categories").then()
                .statusCode(403);
        Api.as(TestUsers.exhibitor(TestOrganizations.create()).token()).get("/api/organizations/" + org).then()
                .statusCode(404);
    }
}
