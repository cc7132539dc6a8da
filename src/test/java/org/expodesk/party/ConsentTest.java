package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** What a person agreed to: appended, withdrawn by a new record, the latest per purpose current. */
@QuarkusTest
class ConsentTest {

    @Test
    void consentsAreAppendedAWithdrawalIsANewRecordAndTheLatestCounts() {
        long org = TestOrganizations.create();
        long person = PeopleDedupTest.create(Map.of("familyName", "Consent" + PeopleDedupTest.unique(),
                "organization", org), 201);
        String path = "/api/people/" + person + "/consents";
        Api.asAdmin().body(Map.of("purpose", "TERMS", "granted", true, "channel", "WEB_FORM", "textVersion", "terms-2026-09",
                        "at", "2026-09-01T08:00:00Z"))
                .post(path).then().statusCode(201).body("purpose", equalTo("TERMS")).body("granted", equalTo(true))
                .body("recordedBy", equalTo("admin")).body("at", equalTo("2026-09-01T08:00:00Z"));
        Api.asAdmin().body(Map.of("purpose", "LEAD_SHARING", "granted", true, "channel", "ON_SITE",
                "at", "2026-09-02T08:00:00Z")).post(path).then().statusCode(201);
        Api.asAdmin().body(Map.of("purpose", "LEAD_SHARING", "granted", false, "channel", "EMAIL",
                "note", "Asked by mail", "at", "2026-10-02T08:00:00Z")).post(path).then().statusCode(201);

        Api.asAdmin().get(path).then().statusCode(200)
                .body("current", hasSize(2))
                .body("current.find { it.purpose == 'LEAD_SHARING' }.granted", equalTo(false))
                .body("current.find { it.purpose == 'LEAD_SHARING' }.channel", equalTo("EMAIL"))
                .body("current.find { it.purpose == 'TERMS' }.granted", equalTo(true))
                .body("history", hasSize(3)).body("history[0].granted", equalTo(false));

        Api.asAdmin().body(Map.of("purpose", "telepathy", "channel", "pigeon", "at", "2999-01-01T00:00:00Z"))
                .post(path).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("purpose", "granted", "channel", "at"));
        Api.asAdmin().get(path).then().body("history", hasSize(3));

        Api.asAdmin().get("/api/people/" + person + "/privacy-export").then()
                .body("consents.purpose", contains("LEAD_SHARING", "LEAD_SHARING", "TERMS"));
        Api.asAdmin().body(Map.of("reason", "Asked to be forgotten")).post("/api/people/" + person + "/erase").then()
                .statusCode(200);
        Api.asAdmin().get(path).then().body("history", hasSize(3)).body("history[0].note", nullValue());
    }

    @Test
    void anExhibitorRecordsAndReadsConsentsOfItsOwnPeopleOnly() {
        long own = TestOrganizations.create();
        long other = TestOrganizations.create();
        long colleague = PeopleDedupTest.create(Map.of("familyName", "Own" + PeopleDedupTest.unique(), "organization", own,
                "tags", "difficult"), 201);
        long stranger = PeopleDedupTest.create(Map.of("familyName", "Stranger" + PeopleDedupTest.unique(),
                "organization", other), 201);
        String exhibitor = TestUsers.exhibitor(own).token();
        String otherExhibitor = TestUsers.exhibitor(other).token();
        Map<String, Object> consent = Map.of("purpose", "MARKETING", "granted", true, "channel", "PORTAL");

        Api.as(exhibitor).body(consent).post("/api/people/" + colleague + "/consents").then().statusCode(201);
        Api.asAdmin().body(Map.of("purpose", "TERMS", "granted", true, "channel", "PHONE", "note", "said yes on the phone"))
                .post("/api/people/" + colleague + "/consents").then().statusCode(201);
        Api.as(exhibitor).get("/api/people/" + colleague + "/consents").then().statusCode(200).body("current", hasSize(2))
                .body("history.note", everyItem(nullValue())).body("history.recordedBy", everyItem(nullValue()));
        // staff's tags and notes about a person are not the exhibitor's to read
        Api.as(exhibitor).get("/api/people/" + colleague).then().statusCode(200).body("tags", hasSize(0));
        Api.asAdmin().get("/api/people/" + colleague).then().body("tags", hasSize(1));
        Api.as(otherExhibitor).get("/api/people/" + colleague + "/consents").then().statusCode(404);
        Api.as(otherExhibitor).body(consent).post("/api/people/" + colleague + "/consents").then().statusCode(404);
        Api.as(exhibitor).get("/api/people/" + stranger + "/consents").then().statusCode(404);
        Api.as(otherExhibitor).get("/api/people/" + colleague).then().statusCode(404);
        Api.as(otherExhibitor).body(Map.of("kind", "EMAIL", "value", "x@example.com"))
                .post("/api/people/" + colleague + "/contacts").then().statusCode(403);
        Api.as(exhibitor).body(Map.of("familyName", "New")).post("/api/people").then().statusCode(403);
    }
}
