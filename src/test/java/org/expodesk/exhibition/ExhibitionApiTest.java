package org.expodesk.exhibition;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ExhibitionApiTest {

    @Test
    void anExhibitionIsCreatedWithItsDefaultStagesInOrder() {
        long id = TestExhibitions.june2027();
        Api.asAdmin().get("/api/exhibitions/" + id).then().statusCode(200)
                .body("stages.code", contains("INITIATION", "PREPARATION", "PRE_SHOW", "SHOW_DAYS", "CLOSING", "RECESS"))
                .body("stages[2].startsOn", equalTo("2027-04-15"))
                .body("stages[2].endsOn", equalTo("2027-06-13"))
                .body("stages[3].startsOn", equalTo("2027-06-14"))
                .body("stages[3].endsOn", equalTo("2027-06-17"))
                .body("stages[4].startsOn", equalTo("2027-06-18"));
        Api.asAdmin().get("/api/exhibitions").then().statusCode(200).body("items.id", hasItem((int) id));
    }

    @Test
    void badExhibitionsAreRefusedFieldByFieldAndNothingIsSaved() {
        String code = "BAD" + System.nanoTime() % 100000;
        Api.asAdmin().body(Map.of("code", code, "name", "", "venue", "V", "city", "C", "timezone", "Mars/Olympus",
                        "opensOn", "2027-06-14", "closesOn", "2027-06-10"))
                .post("/api/exhibitions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "timezone", "closesOn"));
        Api.asAdmin().get("/api/exhibitions").then().body("items.code", org.hamcrest.Matchers.not(hasItem(code)));
    }

    @Test
    void theCodeIsUnique() {
        long id = TestExhibitions.june2027();
        String code = Api.asAdmin().get("/api/exhibitions/" + id).then().extract().path("code");
        Api.asAdmin().body(Map.of("code", code, "name", "Again", "venue", "V", "city", "C", "timezone", "UTC",
                        "opensOn", "2027-06-14", "closesOn", "2027-06-15"))
                .post("/api/exhibitions").then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void exhibitorsNeverSeeExhibitionsThroughTheStaffApi() {
        long id = TestExhibitions.june2027();
        String exhibitor = TestUsers.exhibitor(org.expodesk.party.TestOrganizations.create()).token();
        Api.as(exhibitor).get("/api/exhibitions").then().statusCode(403);
        Api.as(exhibitor).get("/api/exhibitions/" + id).then().statusCode(403);
        Api.as(exhibitor).body(Map.of("code", "X")).post("/api/exhibitions").then().statusCode(403);
        Api.asAdmin().get("/api/exhibitions/" + id).then().statusCode(200).body("id", notNullValue());
    }
}
