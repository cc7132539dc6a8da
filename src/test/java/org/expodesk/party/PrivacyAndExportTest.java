package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class PrivacyAndExportTest {

    @Test
    void aPersonGetsEverythingWeHoldAndCanBeForgottenWhileTheCountsStay() {
        long exhibition = TestExhibitions.june2027();
        long org = TestOrganizations.create();
        long person = ((Number) Api.asAdmin().body(Map.of("familyName", "Chen", "givenName", "Jing",
                        "email", "chen.jing@example.cn", "organization", org))
                .post("/api/people").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("party", "person:" + person, "kind", "call", "summary", "Asked about VIP passes"))
                .post("/api/interactions").then().statusCode(201);
        Api.asAdmin().body(Map.of("exhibition", exhibition, "party", "person:" + person, "role", "visitor"))
                .post("/api/participations").then().statusCode(201);

        Api.asAdmin().get("/api/people/" + person + "/privacy-export").then().statusCode(200)
                .body("person.email", equalTo("chen.jing@example.cn"))
                .body("interactions.summary", hasItem("Asked about VIP passes"))
                .body("participations", hasSize(1));

        Api.asAdmin().body(Map.of()).post("/api/people/" + person + "/erase").then().statusCode(400);
        Api.asAdmin().body(Map.of("reason", "Request by e-mail of 2026-11-20")).post("/api/people/" + person + "/erase")
                .then().statusCode(200).body("name", equalTo("Erased")).body("email", nullValue());
        Api.asAdmin().get("/api/people/" + person + "/privacy-export").then()
                .body("interactions.summary", hasItem("[erased]")).body("participations", hasSize(1));
        Api.asAdmin().queryParam("q", "chen.jing@example.cn").get("/api/search").then().body("total", equalTo(0));
        Api.asAdmin().queryParam("entityType", "Person").queryParam("entityId", String.valueOf(person)).get("/api/audit")
                .then().body("items.action", hasItems("PRIVACY_EXPORT", "PRIVACY_ERASE"));
        Api.as(TestUsers.exhibitor(org).token()).get("/api/people/" + person + "/privacy-export").then().statusCode(403);
    }

    @Test
    void theCsvExportNeutralisesFormulasAndIsAudited() {
        String u = String.valueOf(System.nanoTime() % 1_000_000);
        Api.asAdmin().body(Map.of("name", "=HYPERLINK(\"http://evil.example\",\"" + u + "\")", "country", "ZW",
                "tags", "+vip"))
                .post("/api/organizations").then().statusCode(201);
        Response csv = Api.asAdmin().queryParam("country", "ZW").get("/api/organizations/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String body = csv.asString();
        assertThat(body).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"" + u + "\"\")\"")
                .contains("\"'+vip\"").doesNotContain(",\"=HYPERLINK");
        Api.asAdmin().queryParam("action", "EXPORT").get("/api/audit").then()
                .body("items.detail", hasItem(org.hamcrest.Matchers.startsWith("CSV, country=ZW, verification=null, rows=")));
    }
}
