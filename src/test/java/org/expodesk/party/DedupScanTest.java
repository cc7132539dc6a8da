package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The whole database looked through for duplicates that slipped in, each pair proposed once. */
@QuarkusTest
class DedupScanTest {

    @Test
    void aScanFindsPlantedDuplicatesAndDoesNotProposeThemTwice() {
        String u = PeopleDedupTest.unique();
        long org = TestOrganizations.create();
        // two records that were not alike when they came in, and became so afterwards
        long first = PeopleDedupTest.create(Map.of("familyName", "Haddad", "givenName", "Yusuf" + u, "organization", org), 201);
        long second = PeopleDedupTest.create(Map.of("familyName", "Haddad", "givenName", "Yusuf" + u), 201);
        Api.asAdmin().body(Map.of("organization", org)).post("/api/people/" + second + "/employment").then().statusCode(200);
        long third = PeopleDedupTest.create(Map.of("familyName", "Karim" + u, "email", "karim" + u + "@example.org"), 201);
        long fourth = PeopleDedupTest.create(Map.of("familyName", "Karim" + u, "givenName", "Aziz"), 201);
        Api.asAdmin().body(Map.of("kind", "EMAIL", "value", "karim" + u + "@example.org"))
                .post("/api/people/" + fourth + "/contacts").then().statusCode(200);

        // erased people all look alike and are nobody's duplicates
        List<Long> erased = new java.util.ArrayList<>();
        for (String name : List.of("Forget", "Forgot")) {
            long id = PeopleDedupTest.create(Map.of("familyName", name + u, "organization", org), 201);
            Api.asAdmin().body(Map.of("reason", "Request")).post("/api/people/" + id + "/erase").then().statusCode(200);
            erased.add(id);
        }

        Map<String, Object> done = scan("people");
        assertThat(((Number) done.get("found")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Number) done.get("done")).longValue()).isEqualTo(((Number) done.get("total")).longValue());
        Map<String, Object> likely = PeopleDedupTest.queued(second);
        assertThat(((Number) likely.get("candidate")).longValue()).isEqualTo(first);
        assertThat(likely.get("sure")).isEqualTo(false);
        Map<String, Object> sure = PeopleDedupTest.queued(fourth);
        assertThat(((Number) sure.get("candidate")).longValue()).isEqualTo(third);
        assertThat(sure.get("sure")).isEqualTo(true);
        // a scan never merges by itself
        Api.asAdmin().get("/api/people/" + fourth).then().body("mergedInto", nullValue());

        Api.asAdmin().post("/api/dedup/candidates/" + likely.get("id") + "/dismiss").then().statusCode(200);
        scan("people");
        List<Number> records = Api.asAdmin().queryParam("kind", "person").get("/api/dedup/candidates").then()
                .extract().path("items.record");
        assertThat(records.stream().filter(r -> r.longValue() == second || r.longValue() == first)).isEmpty();
        assertThat(records.stream().filter(r -> r.longValue() == fourth)).hasSize(1);
        assertThat(records.stream().map(Number::longValue)).doesNotContainAnyElementsOf(erased);
        // merging the pair closes it
        Api.asAdmin().body(Map.of("duplicate", fourth)).post("/api/people/" + third + "/merge").then().statusCode(200);
        List<Number> open = Api.asAdmin().queryParam("kind", "person").get("/api/dedup/candidates").then()
                .extract().path("items.record");
        assertThat(open.stream().map(Number::longValue)).doesNotContain(fourth);

        Map<String, Object> organizations = scan("organizations");
        assertThat(organizations.get("kind")).isEqualTo("ORGANIZATION");
    }

    @Test
    void scansAreForStaffAndNeedAKind() {
        Api.asAdmin().body(Map.of("kind", "badges")).post("/api/dedup/scans").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        Api.asAdmin().get("/api/dedup/scans/987654321").then().statusCode(404);
        String exhibitor = TestUsers.exhibitor(TestOrganizations.create()).token();
        Api.as(exhibitor).body(Map.of("kind", "people")).post("/api/dedup/scans").then().statusCode(403);
        Api.as(exhibitor).get("/api/dedup/scans/1").then().statusCode(403);
    }

    /** Starts a scan and follows it to its end. */
    private static Map<String, Object> scan(String kind) {
        long id = ((Number) Api.asAdmin().body(Map.of("kind", kind)).post("/api/dedup/scans").then().statusCode(202)
                .extract().path("id")).longValue();
        for (int i = 0; i < 600; i++) {
            Map<String, Object> scan = Api.asAdmin().get("/api/dedup/scans/" + id).then().statusCode(200).extract().path("");
            if (!"RUNNING".equals(scan.get("status"))) {
                assertThat(scan.get("status")).isEqualTo("DONE");
                return scan;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The scan did not end");
    }
}
