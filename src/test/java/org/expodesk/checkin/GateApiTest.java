package org.expodesk.checkin;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class GateApiTest {

    @Inject
    Gates gates;

    @Inject
    EntryPolicies policies;

    private static long createGate(long exhibition, Map<String, Object> gate) {
        return ((Number) Api.asAdmin().body(gate).post("/api/exhibitions/" + exhibition + "/gates")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void everyNewEditionStartsWithAMainGateForEveryCategory() {
        long exhibition = TestExhibitions.june2027();
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/gates").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].name", equalTo("main"))
                .body("items[0].kind", equalTo("BOTH"))
                .body("items[0].categories", empty())
                .body("items[0].zones", empty());
        assertThat(gates.byName(exhibition, "MAIN")).isPresent();
        assertThat(gates.byName(exhibition, "side door")).isEmpty();
    }

    @Test
    void staffAddChangeAndRemoveGates() {
        long exhibition = TestExhibitions.june2027();
        var created = Api.asAdmin().body(Map.of("name", "Hall B north", "kind", "ENTRY", "zones", List.of("hall-b"),
                        "categories", List.of("buyer", " vip ", "BUYER")))
                .post("/api/exhibitions/" + exhibition + "/gates").then().statusCode(201)
                .body("name", equalTo("Hall B north"))
                .body("zones", equalTo(List.of("HALL-B")))
                .body("categories", equalTo(List.of("BUYER", "VIP")))
                .extract();
        long id = ((Number) created.path("id")).longValue();
        assertThat(created.header("Location")).endsWith("/api/gates/" + id);
        int version = created.path("version");

        Api.asAdmin().body(Map.of("name", "Hall B", "kind", "BOTH", "categories", List.of(), "version", version))
                .put("/api/gates/" + id).then().statusCode(200)
                .body("name", equalTo("Hall B")).body("kind", equalTo("BOTH")).body("categories", empty());
        Api.asAdmin().body(Map.of("name", "Hall B again", "kind", "BOTH", "version", version))
                .put("/api/gates/" + id).then().statusCode(409);
        Api.asAdmin().get("/api/gates/" + id).then().body("name", equalTo("Hall B"));

        Api.asAdmin().delete("/api/gates/" + id).then().statusCode(204);
        Api.asAdmin().get("/api/gates/" + id).then().statusCode(404);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/gates").then().body("items.name", equalTo(List.of("main")));
    }

    @Test
    void badGatesAreRefusedWithTheFieldsNamed() {
        long exhibition = TestExhibitions.june2027();
        Api.asAdmin().body(Map.of("name", "MAIN", "kind", "EXIT")).post("/api/exhibitions/" + exhibition + "/gates")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        Api.asAdmin().body(Map.of("name", " ", "zones", List.of("two words")))
                .post("/api/exhibitions/" + exhibition + "/gates")
                .then().statusCode(400).body("errors.field", equalTo(List.of("name", "kind", "zones")));
        Api.asAdmin().body("{\"name\": \"x\", \"kind\": \"SIDEWAYS\"}").post("/api/exhibitions/" + exhibition + "/gates")
                .then().statusCode(400);
        Api.asAdmin().body(Map.of("name", "x", "kind", "ENTRY")).post("/api/exhibitions/999999999/gates")
                .then().statusCode(404);
        long east = createGate(exhibition, Map.of("name", "east", "kind", "ENTRY"));
        Api.asAdmin().body(Map.of("name", "main", "kind", "ENTRY")).put("/api/gates/" + east)
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/gates").then().body("total", equalTo(2));
    }

    @Test
    void aGateADeviceIsSetToCannotBeRemoved() {
        long exhibition = TestExhibitions.june2027();
        long gate = createGate(exhibition, Map.of("name", "west", "kind", "BOTH"));
        Number device = Api.asAdmin().body(Map.of("name", "West tablet", "gate", "west"))
                .post("/api/exhibitions/" + exhibition + "/devices").then().statusCode(201).extract().path("device.id");
        Api.asAdmin().delete("/api/gates/" + gate).then().statusCode(409);
        Api.asAdmin().post("/api/devices/" + device + "/revoke").then().statusCode(200);
        // the revoked device keeps its gate for the record, which must then still exist
        Api.asAdmin().delete("/api/gates/" + gate).then().statusCode(409);
    }

    @Test
    void unknownGatesAreUnprocessableForCheckIn() {
        long exhibition = TestExhibitions.june2027();
        assertThat(gates.requireByName(exhibition, "main").name).isEqualTo("main");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gates.requireByName(exhibition, "nowhere"))
                .isInstanceOfSatisfying(org.expodesk.platform.problem.ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(422));
    }

    @Test
    void entryPoliciesDefaultToOncePerDayAndAreReplacedAsAWhole() {
        long exhibition = TestExhibitions.june2027();
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/entry-policies").then().statusCode(200)
                .body("items", empty()).body("defaultPolicy", equalTo("ONCE_PER_DAY"));
        Api.asAdmin().body(Map.of("items", List.of(Map.of("category", "buyer", "policy", "SINGLE_ENTRY"),
                        Map.of("category", "PRESS", "policy", "FREE_REENTRY"))))
                .put("/api/exhibitions/" + exhibition + "/entry-policies").then().statusCode(200)
                .body("items.category", equalTo(List.of("BUYER", "PRESS")))
                .body("items.policy", equalTo(List.of("SINGLE_ENTRY", "FREE_REENTRY")));
        assertThat(policies.forCategory(exhibition, "BUYER")).isEqualTo(EntryPolicy.SINGLE_ENTRY);
        assertThat(policies.forCategory(exhibition, "VISITOR")).isEqualTo(EntryPolicy.ONCE_PER_DAY);

        Api.asAdmin().body(Map.of("items", List.of(Map.of("category", "PRESS", "policy", "SINGLE_ENTRY"))))
                .put("/api/exhibitions/" + exhibition + "/entry-policies").then().statusCode(200)
                .body("items.category", equalTo(List.of("PRESS")));
        assertThat(policies.forCategory(exhibition, "BUYER")).isEqualTo(EntryPolicy.ONCE_PER_DAY);
    }

    @Test
    void badEntryPoliciesChangeNothing() {
        long exhibition = TestExhibitions.june2027();
        Api.asAdmin().body(Map.of("items", List.of(Map.of("category", "VIP", "policy", "FREE_REENTRY"))))
                .put("/api/exhibitions/" + exhibition + "/entry-policies").then().statusCode(200);
        Api.asAdmin().body(Map.of("items", List.of(Map.of("category", "BUYER", "policy", "SINGLE_ENTRY"),
                        Map.of("category", "buyer", "policy", "FREE_REENTRY"), Map.of("category", "a b", "policy", "SINGLE_ENTRY"),
                        Map.of("category", "PRESS"))))
                .put("/api/exhibitions/" + exhibition + "/entry-policies").then().statusCode(400)
                .body("errors.field", equalTo(List.of("items[1].category", "items[2].category", "items[3].policy")));
        Api.asAdmin().body("{\"items\": [{\"category\": \"VIP\", \"policy\": \"TWICE\"}]}")
                .put("/api/exhibitions/" + exhibition + "/entry-policies").then().statusCode(400);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/entry-policies").then()
                .body("items.category", equalTo(List.of("VIP"))).body("items.policy", equalTo(List.of("FREE_REENTRY")));
    }

    @Test
    void theNextEditionTakesOverGatesAndPolicies() {
        long source = TestExhibitions.june2027();
        createGate(source, Map.of("name", "VIP lounge", "kind", "ENTRY", "categories", List.of("VIP")));
        Api.asAdmin().body(Map.of("items", List.of(Map.of("category", "VIP", "policy", "FREE_REENTRY"))))
                .put("/api/exhibitions/" + source + "/entry-policies").then().statusCode(200);
        String code = "NXG" + System.nanoTime() % 1_000_000;
        long edition = ((Number) Api.asAdmin().body(Map.of("code", code, "name", "Next", "opensOn", "2028-06-12",
                        "closesOn", "2028-06-15"))
                .post("/api/exhibitions/" + source + "/editions").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().get("/api/exhibitions/" + edition + "/gates").then()
                .body("items.name", equalTo(List.of("main", "VIP lounge")))
                .body("items[1].categories", equalTo(List.of("VIP")));
        Api.asAdmin().get("/api/exhibitions/" + edition + "/entry-policies").then()
                .body("items.policy", equalTo(List.of("FREE_REENTRY")));
    }

    @Test
    void onlyStaffReachGates() {
        long exhibition = TestExhibitions.june2027();
        long gate = createGate(exhibition, Map.of("name", "south", "kind", "EXIT"));
        String exhibitor = TestUsers.exhibitor(TestOrganizations.create()).token();
        Api.as(exhibitor).get("/api/exhibitions/" + exhibition + "/gates").then().statusCode(403);
        Api.as(exhibitor).body(Map.of("name", "mine", "kind", "ENTRY")).post("/api/exhibitions/" + exhibition + "/gates")
                .then().statusCode(403);
        Api.as(exhibitor).body(Map.of("name", "mine", "kind", "ENTRY")).put("/api/gates/" + gate).then().statusCode(403);
        Api.as(exhibitor).delete("/api/gates/" + gate).then().statusCode(403);
        Api.as(exhibitor).get("/api/exhibitions/" + exhibition + "/entry-policies").then().statusCode(403);
        Api.as(exhibitor).body(Map.of("items", List.of())).put("/api/exhibitions/" + exhibition + "/entry-policies")
                .then().statusCode(403);
        given().get("/api/exhibitions/" + exhibition + "/gates").then().statusCode(401);
        given().delete("/api/gates/" + gate).then().statusCode(401);
        given().get("/api/exhibitions/" + exhibition + "/entry-policies").then().statusCode(401);
        String staff = TestUsers.staff().token();
        Api.as(staff).get("/api/gates/" + gate).then().statusCode(200).body("kind", equalTo("EXIT"));
    }
}
