package org.expodesk.checkin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.AuthCredential;
import org.expodesk.account.CredentialKind;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ScannerDeviceApiTest {

    @Inject
    Expiry expiry;

    private static ValidatableResponse activate(String code, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("setupCode", code)).post("/api/devices/activate").then();
    }

    private static Map<String, Object> register(long exhibitionId, Map<String, Object> device) {
        return Api.asAdmin().body(device).post("/api/exhibitions/" + exhibitionId + "/devices")
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    private static long idOf(Map<String, Object> registered) {
        return ((Number) ((Map<?, ?>) registered.get("device")).get("id")).longValue();
    }

    @Test
    void aSetupCodeGivesTheDeviceItsTokenOnce() {
        long exhibition = TestExhibitions.june2027();
        Map<String, Object> registered = register(exhibition, Map.of("name", "Tablet north 1", "gate", "main",
                "categories", List.of("visitor", "Buyer")));
        String code = (String) registered.get("setupCode");
        assertThat(code).matches("[0-9A-Z]{5}-[0-9A-Z]{5}");
        assertThat(registered.get("setupCodeExpiresAt")).isNotNull();
        String address = TestCheckins.clientAddress();

        // typed on a phone: lower case, no dash, spaces
        String typed = " " + code.toLowerCase().replace("-", " ") + " ";
        String token = activate(typed, address).statusCode(200)
                .body("device.name", equalTo("Tablet north 1"))
                .body("device.exhibitionId", equalTo((int) exhibition))
                .body("expiresAt", notNullValue())
                .extract().path("token");
        activate(code, address).statusCode(422).contentType("application/problem+json");

        Api.as(token).get("/api/devices/me").then().statusCode(200)
                .body("name", equalTo("Tablet north 1"))
                .body("gate", equalTo("main"))
                .body("categories", equalTo(List.of("BUYER", "VISITOR")));
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/devices").then().statusCode(200)
                .body("items.find { it.name == 'Tablet north 1' }.active", equalTo(true))
                .body("items.find { it.name == 'Tablet north 1' }.activatedAt", notNullValue());
    }

    @Test
    void staffMoveADeviceToAnotherGateAndItSeesItAtOnce() {
        long exhibition = TestExhibitions.june2027();
        Api.asAdmin().body(Map.of("name", "Press door", "kind", "ENTRY", "categories", List.of("PRESS")))
                .post("/api/exhibitions/" + exhibition + "/gates").then().statusCode(201);
        Map<String, Object> registered = register(exhibition, Map.of("name", "Roving tablet", "gate", "main"));
        long id = idOf(registered);
        String token = activate((String) registered.get("setupCode"), TestCheckins.clientAddress()).statusCode(200).extract().path("token");

        Api.asAdmin().body(Map.of("name", "Press tablet", "gate", "press door", "categories", List.of("press")))
                .put("/api/devices/" + id).then().statusCode(200)
                .body("gate", equalTo("Press door")).body("active", equalTo(true));
        Api.as(token).get("/api/devices/me").then().statusCode(200)
                .body("name", equalTo("Press tablet")).body("gate", equalTo("Press door"))
                .body("categories", equalTo(List.of("PRESS")));
        Api.asAdmin().body(Map.of("name", "Press tablet", "gate", "nowhere")).put("/api/devices/" + id)
                .then().statusCode(400).body("errors.field", hasItem("gate"));
        Api.asAdmin().get("/api/devices/" + id).then().body("gate", equalTo("Press door"));
    }

    @Test
    void anExpiredSetupCodeIsRefused() {
        long exhibition = TestExhibitions.june2027();
        Map<String, Object> registered = register(exhibition, Map.of("name", "Late tablet"));
        expiry.expireSetupCodesOf(idOf(registered));
        activate((String) registered.get("setupCode"), TestCheckins.clientAddress()).statusCode(422);
    }

    @Test
    void aNewSetupCodeEndsTheEarlierOne() {
        long exhibition = TestExhibitions.june2027();
        Map<String, Object> registered = register(exhibition, Map.of("name", "Tablet with a lost code"));
        String fresh = Api.asAdmin().post("/api/devices/" + idOf(registered) + "/setup-code")
                .then().statusCode(200).extract().path("setupCode");
        String address = TestCheckins.clientAddress();
        activate((String) registered.get("setupCode"), address).statusCode(422);
        activate(fresh, address).statusCode(200);
    }

    @Test
    void aRevokedDevicesTokenStopsWorkingAtOnce() {
        long exhibition = TestExhibitions.june2027();
        Map<String, Object> registered = register(exhibition, Map.of("name", "Stolen tablet"));
        long id = idOf(registered);
        String token = activate((String) registered.get("setupCode"), TestCheckins.clientAddress()).statusCode(200).extract().path("token");
        Api.as(token).get("/api/devices/me").then().statusCode(200);

        Api.asAdmin().post("/api/devices/" + id + "/revoke").then().statusCode(200)
                .body("revokedAt", notNullValue()).body("active", equalTo(false));
        Api.as(token).get("/api/devices/me").then().statusCode(401);
        Api.asAdmin().post("/api/devices/" + id + "/setup-code").then().statusCode(409);
    }

    @Test
    void aRevokedDevicesUnusedSetupCodeIsRefused() {
        long exhibition = TestExhibitions.june2027();
        Map<String, Object> registered = register(exhibition, Map.of("name", "Never set up"));
        Api.asAdmin().post("/api/devices/" + idOf(registered) + "/revoke").then().statusCode(200);
        activate((String) registered.get("setupCode"), TestCheckins.clientAddress()).statusCode(422);
    }

    @Test
    void aScannerTokenOpensOnlyScannerEndpoints() {
        long exhibition = TestExhibitions.june2027();
        Map<String, Object> registered = register(exhibition, Map.of("name", "Gate tablet"));
        String token = activate((String) registered.get("setupCode"), TestCheckins.clientAddress()).statusCode(200).extract().path("token");
        for (String path : List.of("/api/organizations", "/api/exhibitions", "/api/exhibitions/" + exhibition,
                "/api/exhibitions/" + exhibition + "/gates", "/api/exhibitions/" + exhibition + "/devices",
                "/api/exhibitions/" + exhibition + "/entry-policies", "/api/devices/" + idOf(registered),
                "/api/users", "/api/me", "/api/me/tokens", "/api/me/notifications", "/api/audit")) {
            assertThat(Api.as(token).get(path).statusCode()).as(path).isEqualTo(403);
        }
        Api.as(token).body(Map.of("name", "another")).post("/api/exhibitions/" + exhibition + "/devices")
                .then().statusCode(403);
        Api.as(token).post("/api/devices/" + idOf(registered) + "/revoke").then().statusCode(403);
        given().cookie("expodesk_session", token).redirects().follow(false).get("/").then().statusCode(303);
    }

    @Test
    void exhibitorsAndAnonymousCannotManageDevices() {
        long exhibition = TestExhibitions.june2027();
        Map<String, Object> registered = register(exhibition, Map.of("name", "Desk tablet"));
        long id = idOf(registered);
        String exhibitor = TestUsers.exhibitor(TestOrganizations.create()).token();
        Api.as(exhibitor).get("/api/exhibitions/" + exhibition + "/devices").then().statusCode(403);
        Api.as(exhibitor).body(Map.of("name", "mine")).post("/api/exhibitions/" + exhibition + "/devices")
                .then().statusCode(403);
        Api.as(exhibitor).post("/api/devices/" + id + "/revoke").then().statusCode(403);
        Api.as(exhibitor).post("/api/devices/" + id + "/setup-code").then().statusCode(403);
        given().get("/api/exhibitions/" + exhibition + "/devices").then().statusCode(401);
        given().post("/api/devices/" + id + "/revoke").then().statusCode(401);
        // an exhibitor's own token is no device token
        Api.as(exhibitor).get("/api/devices/me").then().statusCode(403);
        given().get("/api/devices/me").then().statusCode(401);
    }

    @Test
    void aDeviceMustNameAGateOfItsEditionAndValidCodes() {
        long exhibition = TestExhibitions.june2027();
        long other = TestExhibitions.june2027();
        Api.asAdmin().body(Map.of("name", "Hall B", "kind", "ENTRY")).post("/api/exhibitions/" + other + "/gates")
                .then().statusCode(201);
        Api.asAdmin().body(Map.of("name", "Tablet", "gate", "Hall B")).post("/api/exhibitions/" + exhibition + "/devices")
                .then().statusCode(400).body("errors.field", hasItem("gate"));
        Api.asAdmin().body(Map.of("name", "", "categories", List.of("no spaces please")))
                .post("/api/exhibitions/" + exhibition + "/devices")
                .then().statusCode(400).body("errors.field", hasItem("name")).body("errors.field", hasItem("categories"));
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/devices").then().statusCode(200).body("total", equalTo(0));
        Map<String, Object> roaming = register(exhibition, Map.of("name", "Roaming tablet"));
        assertThat(((Map<?, ?>) roaming.get("device")).get("gate")).isNull();
        Api.asAdmin().body(Map.of("name", "Tablet")).post("/api/exhibitions/999999999/devices").then().statusCode(404);
    }

    @Test
    void guessingSetupCodesIsThrottledPerAddress() {
        String address = TestCheckins.clientAddress();
        int refused = 0;
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            int status = activate("ZZZZZ-" + i + "ZZZZ", address).extract().statusCode();
            if (status == 422) {
                refused++;
            } else if (status == 429) {
                throttled++;
            }
        }
        assertThat(refused).isEqualTo(5);
        assertThat(throttled).isEqualTo(3);
        activate("ZZZZZ-ZZZZZ", address).statusCode(429).header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        activate("", TestCheckins.clientAddress()).statusCode(422).body("type", notNullValue()).body("errors", nullValue());
    }

    @ApplicationScoped
    static class Expiry {
        @Transactional
        void expireSetupCodesOf(long deviceId) {
            AuthCredential.update("expiresAt = ?1 where device.id = ?2 and kind = ?3", Instant.now().minusSeconds(1),
                    deviceId, CredentialKind.DEVICE_SETUP);
        }
    }
}
