package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Merging a duplicate person, moving their history, and undoing it. */
@QuarkusTest
class PersonMergeTest {

    @Test
    void aMergeMovesAllHistoryAndAnUndoRestoresBothPeopleWithTheirHistory() {
        String u = PeopleDedupTest.unique();
        long org = TestOrganizations.create();
        long exhibition = TestExhibitions.june2027();
        long other = TestExhibitions.june2027();
        long survivor = PeopleDedupTest.create(Map.of("familyName", "Novak", "givenName", "Petra", "organization", org,
                "email", "petra" + u + "@novak.example"), 201);
        long duplicate = PeopleDedupTest.create(Map.of("familyName", "Nowak", "givenName", "Petra", "jobTitle", "CEO",
                "email", "p.nowak" + u + "@mail.example", "phone", "+420 601 " + u.substring(0, 3) + " " + u.substring(3, 6),
                "emails", List.of("petra.nowak" + u + "@mail.example")), 201);
        Api.asAdmin().body(Map.of("party", "person:" + duplicate, "kind", "call", "summary", "Wants two badges " + u))
                .post("/api/interactions").then().statusCode(201);
        Api.asAdmin().body(Map.of("purpose", "marketing", "granted", true, "channel", "web_form", "textVersion", "v3"))
                .post("/api/people/" + duplicate + "/consents").then().statusCode(201);
        for (long p : List.of(survivor, duplicate)) {
            Api.asAdmin().body(Map.of("exhibition", exhibition, "party", "person:" + p, "role", "visitor"))
                    .post("/api/participations").then().statusCode(201);
        }
        Api.asAdmin().body(Map.of("exhibition", other, "party", "person:" + duplicate, "role", "buyer"))
                .post("/api/participations").then().statusCode(201);

        long merge = ((Number) Api.asAdmin().body(Map.of("duplicate", duplicate, "take", List.of("familyName")))
                .post("/api/people/" + survivor + "/merge").then().statusCode(200)
                .body("survivor.name", equalTo("Petra Nowak"))
                .body("survivor.jobTitle", equalTo("CEO"))
                .body("survivor.email", equalTo("petra" + u + "@novak.example"))
                .body("survivor.emails", containsInAnyOrder("petra" + u + "@novak.example",
                        "petra.nowak" + u + "@mail.example", "p.nowak" + u + "@mail.example"))
                .extract().path("merge")).longValue();

        Api.asAdmin().get("/api/people/" + duplicate).then().statusCode(200).body("mergedInto", equalTo((int) survivor));
        Api.asAdmin().get("/api/people/" + survivor + "/consents").then()
                .body("current.purpose", contains("MARKETING"));
        Api.asAdmin().get("/api/people/" + survivor + "/privacy-export").then()
                .body("interactions.summary", hasItem("Wants two badges " + u))
                .body("participations", hasSize(2));
        Api.asAdmin().get("/api/organizations/" + org + "/people").then().body("id", contains((int) survivor));
        Api.asAdmin().queryParam("q", "p.nowak" + u + "@mail.example").get("/api/search").then()
                .body("items.id", contains((int) survivor));
        Api.asAdmin().queryParam("q", "Petra").get("/api/search").then().body("items.id", not(hasItem((int) duplicate)));
        Api.asAdmin().body(Map.of("party", "person:" + duplicate, "kind", "note", "summary", "late"))
                .post("/api/interactions").then().statusCode(400).body("errors[0].field", equalTo("party"));
        Api.asAdmin().body(Map.of("duplicate", duplicate)).post("/api/people/" + survivor + "/merge").then().statusCode(409);
        // entering the duplicate's address again finds the survivor
        Api.asAdmin().body(Map.of("familyName", "Nowak", "email", "p.nowak" + u + "@mail.example"))
                .post("/api/people").then().statusCode(200).body("id", equalTo((int) survivor));

        Api.asAdmin().post("/api/merges/" + merge + "/undo").then().statusCode(200)
                .body("survivor", equalTo((int) survivor)).body("duplicate", equalTo((int) duplicate));
        Api.asAdmin().get("/api/people/" + survivor).then().body("name", equalTo("Petra Novak"))
                .body("jobTitle", nullValue()).body("emails", contains("petra" + u + "@novak.example"))
                .body("mergedInto", nullValue());
        Api.asAdmin().get("/api/people/" + duplicate).then().body("mergedInto", nullValue())
                .body("emails", contains("p.nowak" + u + "@mail.example", "petra.nowak" + u + "@mail.example"));
        Api.asAdmin().get("/api/people/" + survivor + "/consents").then().body("history", hasSize(0));
        Api.asAdmin().get("/api/people/" + duplicate + "/consents").then().body("current.purpose", contains("MARKETING"));
        Api.asAdmin().get("/api/people/" + duplicate + "/privacy-export").then()
                .body("interactions.summary", contains("Wants two badges " + u)).body("participations", hasSize(2));
        Api.asAdmin().get("/api/people/" + survivor + "/privacy-export").then()
                .body("interactions", hasSize(0)).body("participations", hasSize(1));
        Api.asAdmin().post("/api/merges/" + merge + "/undo").then().statusCode(409);
    }

    @Test
    void chainsAreUndoneLatestFirstAndExhibitorsMayNotMerge() {
        long org = TestOrganizations.create();
        long s = PeopleDedupTest.create(Map.of("familyName", "Chain S" + System.nanoTime()), 201);
        long d = PeopleDedupTest.create(Map.of("familyName", "Chain D" + System.nanoTime(), "organization", org), 201);
        long x = PeopleDedupTest.create(Map.of("familyName", "Chain X" + System.nanoTime()), 201);
        Api.as(TestUsers.exhibitor(org).token()).body(Map.of("duplicate", x)).post("/api/people/" + d + "/merge").then()
                .statusCode(403);
        Api.asAdmin().body(Map.of("duplicate", d)).post("/api/people/" + d + "/merge").then().statusCode(400);
        Api.asAdmin().body(Map.of("duplicate", x, "take", List.of("password"))).post("/api/people/" + d + "/merge").then()
                .statusCode(400).body("errors.field", contains("take"));
        long m1 = ((Number) Api.asAdmin().body(Map.of("duplicate", x)).post("/api/people/" + d + "/merge")
                .then().statusCode(200).extract().path("merge")).longValue();
        long m2 = ((Number) Api.asAdmin().body(Map.of("duplicate", d)).post("/api/people/" + s + "/merge")
                .then().statusCode(200).body("survivor.organization", equalTo((int) org)).extract().path("merge")).longValue();
        Api.asAdmin().post("/api/merges/" + m1 + "/undo").then().statusCode(409);
        Api.as(TestUsers.exhibitor(org).token()).post("/api/merges/" + m2 + "/undo").then().statusCode(403);
        Api.asAdmin().post("/api/merges/" + m2 + "/undo").then().statusCode(200);
        Api.asAdmin().get("/api/people/" + s).then().body("organization", nullValue());
        Api.asAdmin().post("/api/merges/" + m1 + "/undo").then().statusCode(200);
        Api.asAdmin().get("/api/people/" + x).then().body("mergedInto", nullValue());
    }

    @Test
    void erasingAMergedPersonErasesTheSurvivorAndEveryRecordMergedIntoIt() {
        String u = PeopleDedupTest.unique();
        long survivor = PeopleDedupTest.create(Map.of("familyName", "Ivanova", "givenName", "Olga" + u), 201);
        long duplicate = PeopleDedupTest.create(Map.of("familyName", "Ivanova", "givenName", "O." + u,
                "email", "olga" + u + "@example.ru", "emails", List.of("o.ivanova" + u + "@example.ru")), 201);
        long merge = ((Number) Api.asAdmin().body(Map.of("duplicate", duplicate)).post("/api/people/" + survivor + "/merge")
                .then().statusCode(200).extract().path("merge")).longValue();
        Api.asAdmin().body(Map.of("reason", "Request")).post("/api/people/" + duplicate + "/erase").then().statusCode(409);
        Api.asAdmin().body(Map.of("reason", "Request")).post("/api/people/" + survivor + "/erase").then().statusCode(200)
                .body("emails", hasSize(0));
        Api.asAdmin().get("/api/people/" + duplicate).then().body("name", equalTo("Erased")).body("emails", hasSize(0));
        Api.asAdmin().post("/api/merges/" + merge + "/undo").then().statusCode(200);
        Api.asAdmin().get("/api/people/" + survivor).then().body("name", equalTo("Erased")).body("email", nullValue());
        Api.asAdmin().queryParam("q", "olga" + u + "@example.ru").get("/api/search").then().body("total", equalTo(0));
    }
}
