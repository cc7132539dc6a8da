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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/** Merging a duplicate organization, moving its history, and undoing it. */
@QuarkusTest
class MergeTest {

    @Test
    void aMergeMovesAllHistoryAndAnUndoRestoresBothRecordsWithTheirHistory() {
        String u = String.valueOf(System.nanoTime() % 10_000_000);
        long survivor = org(Map.of("name", "Red Lantern " + u + " Imports", "city", "Lyon", "country", "FR"));
        long duplicate = org(Map.of("name", "Red Lanterns " + u, "country", "FR", "phone", "+33 4 78 00 " + u.substring(0, 2) + " 00",
                "email", "contact@redlantern" + u + ".example.fr"));
        long exhibition = TestExhibitions.june2027();
        long person = ((Number) Api.asAdmin().body(Map.of("familyName", "Durand", "organization", duplicate))
                .post("/api/people").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("party", "organization:" + duplicate, "kind", "meeting", "summary", "Met at Canton Fair"))
                .post("/api/interactions").then().statusCode(201);
        Api.asAdmin().body(Map.of("party", "organization:" + duplicate, "kind", "request", "summary", "Invoice copy"))
                .post("/api/tickets").then().statusCode(201);
        Api.asAdmin().body(Map.of("exhibition", exhibition, "party", "organization:" + duplicate, "role", "buyer"))
                .post("/api/participations").then().statusCode(201);
        var exhibitor = TestUsers.exhibitor(duplicate);

        long merge = ((Number) Api.asAdmin().body(Map.of("duplicate", duplicate, "take", List.of("name")))
                .post("/api/organizations/" + survivor + "/merge").then().statusCode(200)
                .body("survivor.name", equalTo("Red Lanterns " + u))
                .body("survivor.city", equalTo("Lyon"))
                .body("survivor.email", equalTo("contact@redlantern" + u + ".example.fr"))
                .extract().path("merge")).longValue();

        Api.asAdmin().get("/api/organizations/" + survivor + "/people").then().body("id", contains((int) person));
        Api.asAdmin().get("/api/organizations/" + survivor + "/interactions").then().body("summary", contains("Met at Canton Fair"));
        Api.asAdmin().get("/api/organizations/" + survivor + "/tickets").then().body("summary", contains("Invoice copy"));
        Api.asAdmin().get("/api/organizations/" + survivor + "/participations").then().body("role", contains("BUYER"));
        Api.as(exhibitor.token()).get("/api/organizations/" + survivor).then().statusCode(200);
        Api.asAdmin().queryParam("q", "redlantern" + u + ".example.fr").get("/api/search").then()
                .body("items.id", not(hasItem((int) duplicate)));
        Api.asAdmin().queryParam("q", "Red Lantern " + u).get("/api/search").then()
                .body("items.id", hasItem((int) survivor)).body("items.id", not(hasItem((int) duplicate)));
        Api.asAdmin().body(Map.of("familyName", "Late", "organization", duplicate)).post("/api/people").then()
                .statusCode(400).body("errors[0].field", equalTo("organization"));
        Api.asAdmin().body(Map.of("duplicate", duplicate)).post("/api/organizations/" + survivor + "/merge").then()
                .statusCode(409);

        Api.asAdmin().post("/api/merges/" + merge + "/undo").then().statusCode(200);
        Api.asAdmin().get("/api/organizations/" + survivor).then().body("name", equalTo("Red Lantern " + u + " Imports"))
                .body("email", org.hamcrest.Matchers.nullValue());
        Api.asAdmin().get("/api/organizations/" + survivor + "/people").then().body("", hasSize(0));
        Api.asAdmin().get("/api/organizations/" + duplicate + "/people").then().body("id", contains((int) person));
        Api.asAdmin().get("/api/organizations/" + duplicate + "/interactions").then().body("", hasSize(1));
        Api.asAdmin().get("/api/organizations/" + duplicate + "/tickets").then().body("", hasSize(1));
        Api.asAdmin().get("/api/organizations/" + duplicate + "/participations").then().body("", hasSize(1));
        Api.as(exhibitor.token()).get("/api/organizations/" + duplicate).then().statusCode(200);
        Api.as(exhibitor.token()).get("/api/organizations/" + survivor).then().statusCode(404);
        Api.asAdmin().post("/api/merges/" + merge + "/undo").then().statusCode(409);
    }

    @Test
    void anUndoLeavesWhatMovedSinceWhereItIsAndChainsAreUndoneLatestFirst() {
        long s = org(Map.of("name", "Survivor " + System.nanoTime(), "country", "IT"));
        long d = org(Map.of("name", "Duplicate " + System.nanoTime(), "country", "ES"));
        long x = org(Map.of("name", "Third " + System.nanoTime(), "country", "PT"));
        long elsewhere = org(Map.of("name", "Elsewhere " + System.nanoTime(), "country", "NL"));
        long mover = ((Number) Api.asAdmin().body(Map.of("familyName", "Rossi", "organization", d))
                .post("/api/people").then().statusCode(201).extract().path("id")).longValue();
        long m1 = ((Number) Api.asAdmin().body(Map.of("duplicate", x)).post("/api/organizations/" + d + "/merge")
                .then().statusCode(200).extract().path("merge")).longValue();
        long m2 = ((Number) Api.asAdmin().body(Map.of("duplicate", d)).post("/api/organizations/" + s + "/merge")
                .then().statusCode(200).extract().path("merge")).longValue();
        Api.asAdmin().post("/api/merges/" + m1 + "/undo").then().statusCode(409);

        Api.asAdmin().body(Map.of("organization", elsewhere)).post("/api/people/" + mover + "/employment").then().statusCode(200);
        Api.asAdmin().body(Map.of("phone", "+39 02 1234 5678")).post("/api/organizations/" + s + "/merge");
        Api.asAdmin().post("/api/merges/" + m2 + "/undo").then().statusCode(200);
        Api.asAdmin().get("/api/people/" + mover).then().body("organization", equalTo((int) elsewhere));
        Api.asAdmin().post("/api/merges/" + m1 + "/undo").then().statusCode(200);
    }

    @Test
    void aMergeIsRefusedForItselfAndForUnknownFields() {
        long a = org(Map.of("name", "Solo " + System.nanoTime()));
        long b = org(Map.of("name", "Other " + System.nanoTime(), "country", "US"));
        Api.asAdmin().body(Map.of("duplicate", a)).post("/api/organizations/" + a + "/merge").then().statusCode(400);
        Api.asAdmin().body(Map.of("duplicate", b, "take", List.of("password")))
                .post("/api/organizations/" + a + "/merge").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("take"));
    }

    private static long org(Map<String, Object> body) {
        return ((Number) Api.asAdmin().body(body).post("/api/organizations").then().statusCode(201)
                .extract().path("id")).longValue();
    }
}
