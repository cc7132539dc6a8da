package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** An erasure on request stays done: no merge, undo, edit or contact brings the person back. */
@QuarkusTest
class ErasureIntegrityTest {

    @Test
    void undoingAMergeOfAnErasedPersonBringsNothingBackAndTheyTakeNothingNew() {
        String u = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long survivor = person("Ruiz" + u, "Ana", "ana" + u + "@example.es");
        long duplicate = person("Ruiz" + u, "A.", "a.ruiz" + u + "@example.es");
        long merge = ((Number) Api.asAdmin().body(Map.of("duplicate", duplicate)).post("/api/people/" + survivor + "/merge")
                .then().statusCode(200).extract().path("merge")).longValue();
        Api.asAdmin().body(Map.of("reason", "asked")).post("/api/people/" + survivor + "/erase").then().statusCode(200);

        Api.asAdmin().post("/api/merges/" + merge + "/undo").then().statusCode(200);
        for (long id : new long[] {survivor, duplicate}) {
            Api.asAdmin().get("/api/people/" + id).then().body("name", equalTo("Erased")).body("email", equalTo(null));
            JsonPath p = Api.asAdmin().get("/api/people/" + id).then().extract().jsonPath();
            Api.asAdmin().body(Map.of("version", p.getLong("version"), "givenName", "Back")).patch("/api/people/" + id)
                    .then().statusCode(409);
            Api.asAdmin().body(Map.of("kind", "EMAIL", "value", "back" + u + "@example.es"))
                    .post("/api/people/" + id + "/contacts").then().statusCode(409);
        }
        Api.asAdmin().queryParam("q", "ruiz" + u).get("/api/search").then().body("items", empty());

        long live = person("Ruiz" + u, "Ana", null);
        Api.asAdmin().body(Map.of("duplicate", live)).post("/api/people/" + survivor + "/merge").then().statusCode(409);
        Api.asAdmin().body(Map.of("duplicate", survivor)).post("/api/people/" + live + "/merge").then().statusCode(409);
    }

    @Test
    void anErasedPersonLeavesTheReviewQueueAndAMergePassesTheDuplicatesOtherPairsOn() {
        String u = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long company = TestOrganizations.create("Pairs " + u + " Ltd");
        long a = person(Map.of("familyName", "Sato" + u, "givenName", "Yuki", "organization", company));
        long b = person(Map.of("familyName", "Sato" + u, "givenName", "Yuki", "organization", company));
        long c = person(Map.of("familyName", "Sato" + u, "givenName", "Yuki", "organization", company));
        // b and c were both proposed against a (and c against b); merging b into a passes c–b on as c–a
        Api.asAdmin().body(Map.of("duplicate", b)).post("/api/people/" + a + "/merge").then().statusCode(200);
        JsonPath queue = Api.asAdmin().get("/api/dedup/candidates?kind=person").then().extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(queue.getList("items.findAll { it.record == " + b + " || it.candidate == "
                + b + " }")).isEmpty();
        Api.asAdmin().get("/api/dedup/candidates?kind=person").then()
                .body("items.findAll { it.record == " + c + " }.candidate", hasItem((int) a));

        Api.asAdmin().body(Map.of("reason", "asked")).post("/api/people/" + c + "/erase").then().statusCode(200);
        Api.asAdmin().get("/api/dedup/candidates?kind=person").then()
                .body("items.findAll { it.record == " + c + " || it.candidate == " + c + " }", hasSize(0))
                .body("items.record", not(hasItem((int) c)));
    }

    private static long person(String family, String given, String email) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("familyName", family, "givenName", given));
        if (email != null) {
            body.put("email", email);
        }
        return person(body);
    }

    private static long person(Map<String, Object> body) {
        return ((Number) Api.asAdmin().body(body).post("/api/people").then().statusCode(201).extract().path("id"))
                .longValue();
    }
}
