package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** A person's own fields corrected, and everything about them in one place (the 360° view). */
@QuarkusTest
class PersonEditTest {

    @Test
    void anEditChangesWhatWasSentNormalizesThePhoneAndRefusesStaleOrBadInput() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        JsonPath created = Api.asAdmin().body(Map.of("familyName", "Li" + unique, "givenName", "Na", "jobTitle", "Buyer",
                "email", "li" + unique + "@example.cn")).post("/api/people").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        long version = created.getLong("version");

        Api.asAdmin().body(Map.of("version", version, "email", "nope", "familyName", "")).patch("/api/people/" + id)
                .then().statusCode(400).body("errors.field", hasItem("email")).body("errors.field", hasItem("familyName"));
        Api.asAdmin().body(Map.of("version", version, "jobTitle", "Head of purchasing", "phone", "138 0013 8000",
                "tags", "")).patch("/api/people/" + id).then().statusCode(200)
                .body("jobTitle", equalTo("Head of purchasing")).body("phone", equalTo("138 0013 8000"))
                .body("email", equalTo("li" + unique + "@example.cn"));
        Api.asAdmin().body(Map.of("version", version, "jobTitle", "Intern")).patch("/api/people/" + id)
                .then().statusCode(409);
        Api.asAdmin().get("/api/people/" + id).then().body("jobTitle", equalTo("Head of purchasing"));
        Api.asAdmin().queryParam("q", "13800138000").get("/api/search").then().body("items.id", hasItem((int) id));
    }

    @Test
    void anEditThatGivesTwoPeopleOneAddressQueuesThePairAsSureButMergesNothing() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long first = person(Map.of("familyName", "Chen" + unique, "givenName", "Jie", "email", "jie" + unique + "@example.de"));
        JsonPath second = Api.asAdmin().body(Map.of("familyName", "Chen" + unique, "givenName", "J."))
                .post("/api/people").then().extract().jsonPath();
        Api.asAdmin().body(Map.of("version", second.getLong("version"), "email", "JIE" + unique + "@example.de"))
                .patch("/api/people/" + second.getLong("id")).then().statusCode(200);
        Api.asAdmin().get("/api/dedup/candidates?kind=person").then()
                .body("items.findAll { it.record == " + second.getLong("id") + " && it.candidate == " + first + " }",
                        hasSize(1));
        Api.asAdmin().get("/api/people/" + first).then().statusCode(200);
        Api.asAdmin().get("/api/people/" + second.getLong("id")).then().body("email", equalTo("jie" + unique + "@example.de"));
    }

    @Test
    void thePersonPageShowsAndTakesInteractionsTicketsAndEditsAndExhibitorsAreRefused() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long company = TestOrganizations.create("Wuxi Motors " + unique);
        long id = person(Map.of("familyName", "Zhou" + unique, "givenName", "Min", "organization", company));
        long exhibition = TestExhibitions.june2027();
        Api.asAdmin().body(Map.of("exhibition", exhibition, "party", "person:" + id, "role", "visitor"))
                .post("/api/participations").then().statusCode(201);

        TestUser staff = TestUsers.staff();
        BrowserSession session = BrowserSession.signedIn(staff.username(), staff.password());
        session.get("/customers/people/" + id).then().statusCode(200)
                .body(containsString("data-testid=\"person-participations\""));
        session.post("/customers/people/" + id + "/interactions", Map.of("kind", "MEETING", "summary", "Met at the booth",
                "followUpOn", "not a date")).then().statusCode(400).body(containsString("data-testid=\"error-followUpOn\""));
        session.post("/customers/people/" + id + "/interactions", Map.of("kind", "MEETING", "summary", "Met at the booth",
                "followUpOn", "2027-07-01")).then().statusCode(303);
        session.post("/customers/people/" + id + "/tickets", Map.of("kind", "REQUEST", "priority", "HIGH",
                "summary", "Needs an invoice")).then().statusCode(303);
        Api.asAdmin().get("/api/people/" + id + "/interactions").then().body("summary", contains("Met at the booth"))
                .body("followUpOn", contains("2027-07-01"));
        Api.asAdmin().get("/api/people/" + id + "/tickets").then().body("summary", contains("Needs an invoice"));
        Api.asAdmin().get("/api/people/" + id + "/participations").then().body("role", contains("VISITOR"));

        session.get("/customers/people/" + id + "/edit");
        long version = Api.asAdmin().get("/api/people/" + id).then().extract().jsonPath().getLong("version");
        Map<String, String> form = new HashMap<>(Map.of("version", String.valueOf(version), "familyName", "Zhou" + unique,
                "givenName", "Min", "easternOrder", "true", "email", "bad@", "jobTitle", "Engineer"));
        session.post("/customers/people/" + id + "/edit", form).then().statusCode(400)
                .body(containsString("data-testid=\"error-email\"")).body(containsString("value=\"Engineer\""));
        form.put("email", "min" + unique + "@wuxi.example.cn");
        session.post("/customers/people/" + id + "/edit", form).then().statusCode(303);
        Api.asAdmin().get("/api/people/" + id).then().body("jobTitle", equalTo("Engineer")).body("language", nullValue());

        TestUser exhibitor = TestUsers.exhibitor(TestOrganizations.create());
        Api.as(exhibitor.token()).body(Map.of("version", version, "jobTitle", "x")).patch("/api/people/" + id)
                .then().statusCode(403);
        Api.as(exhibitor.token()).get("/api/people/" + id + "/interactions").then().statusCode(403);
        Api.as(exhibitor.token()).get("/api/people/" + id + "/tickets").then().statusCode(403);
        BrowserSession.signedIn(exhibitor.username(), exhibitor.password()).get("/customers/people/" + id + "/edit")
                .then().statusCode(403);
    }

    private static long person(Map<String, Object> body) {
        return ((Number) Api.asAdmin().body(body).post("/api/people").then().statusCode(201).extract().path("id"))
                .longValue();
    }
}
