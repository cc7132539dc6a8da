package org.expodesk.checkin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.expodesk.badge.BadgeCodes;
import org.expodesk.badge.Badges;
import org.expodesk.badge.TestBadges;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CheckinApiTest {

    @BeforeEach
    void awayFromMidnight() {
        TestCheckins.awayFromMidnight();
    }

    private static Map<String, Object> scan(String code, String gate) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("scanId", UUID.randomUUID().toString());
        if (gate != null) {
            body.put("gate", gate);
        }
        return body;
    }

    private static ValidatableResponse post(String token, Map<String, Object> scan) {
        return Api.as(token).body(scan).post("/api/checkins").then();
    }

    /** The code with one signature character changed so that it still decodes: genuine format, wrong signature. */
    static String tampered(String code) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int at = code.length() - 6;
        for (char c : alphabet.toCharArray()) {
            String t = code.substring(0, at) + c + code.substring(at + 1);
            if (c != code.charAt(at) && BadgeCodes.parse(t).payload() != null) {
                return t;
            }
        }
        throw new AssertionError("no well-formed variant");
    }

    @Test
    void aBadgeIsAdmittedOnceADayAndThenToldWhenAndWhere() {
        long exhibition = TestExhibitions.june2027();
        TestCheckins.gate(exhibition, "North", "ENTRY");
        String device = TestCheckins.deviceToken(exhibition, "North tablet", "North");
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Mei Chen", "Acme Trading");

        post(device, scan(issued.badge().code, null)).statusCode(200)
                .body("result", equalTo("ADMITTED"))
                .body("reason", nullValue())
                .body("message", equalTo("Admitted"))
                .body("badge.id", equalTo(issued.badge().id.intValue()))
                .body("badge.holder", equalTo("Mei Chen"))
                .body("badge.organization", equalTo("Acme Trading"))
                .body("badge.category", equalTo("PROFESSIONAL"));
        String staff = TestUsers.staff().token();
        Api.as(staff).header("Accept-Language", "zh-CN").body(scan(issued.badge().code, "main")).post("/api/checkins")
                .then().statusCode(200)
                .body("result", equalTo("ALREADY_ADMITTED"))
                .body("earlier.gate", equalTo("North"))
                .body("earlier.at", notNullValue())
                .body("message", containsString("North"))
                .body("message", containsString("已"));
    }

    @Test
    void tamperedRevokedAndWrongDayBadgesAreRejected() {
        long exhibition = TestExhibitions.june2027();
        String device = TestCheckins.deviceToken(exhibition, "Main tablet", "main");
        Badges.Issued good = TestCheckins.badgeValidToday(exhibition, "Tom Li", null);

        post(device, scan(tampered(good.badge().code), null)).statusCode(200)
                .body("result", equalTo("REJECTED")).body("reason", equalTo("FORGED"))
                .body("message", equalTo("Forged or altered badge")).body("badge", nullValue());
        post(device, scan("hello, not a badge", null)).statusCode(200)
                .body("result", equalTo("REJECTED")).body("reason", equalTo("UNKNOWN"));

        Badges.Issued revoked = TestCheckins.badgeValidToday(exhibition, "Revoked Holder", null);
        TestBadges.badges().revoke(revoked.badge().id, "lost", "test");
        post(device, scan(revoked.badge().code, null)).statusCode(200)
                .body("result", equalTo("REJECTED")).body("reason", equalTo("REVOKED"))
                .body("badge.holder", equalTo("Revoked Holder"));

        // the test edition's badges are for June 2027; today is not one of their days
        Badges.Issued later = TestBadges.issue(exhibition, TestBadges.person(null), "Future Visitor", null, null);
        post(device, scan(later.badge().code, null)).statusCode(200)
                .body("result", equalTo("REJECTED")).body("reason", equalTo("WRONG_DAY"));
        post(device, scan(good.badge().code, null)).statusCode(200).body("result", equalTo("ADMITTED"));
    }

    @Test
    void anUnknownGateIsRefusedAndNothingIsRecorded() {
        long exhibition = TestExhibitions.june2027();
        String roaming = TestCheckins.deviceToken(exhibition, "Roaming tablet", null);
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Ann Gate", null);

        post(roaming, scan(issued.badge().code, "Nowhere")).statusCode(422)
                .contentType("application/problem+json");
        post(roaming, scan(issued.badge().code, null)).statusCode(422);
        Map<String, Object> noScanId = scan(issued.badge().code, "main");
        noScanId.remove("scanId");
        post(roaming, noScanId).statusCode(400).body("errors.field", hasItem("scanId"));
        post(roaming, scan(issued.badge().code, "MAIN")).statusCode(200).body("result", equalTo("ADMITTED"));
    }

    @Test
    void theSameScanIdSentAgainIsAnsweredFromItsRecord() {
        long exhibition = TestExhibitions.june2027();
        String device = TestCheckins.deviceToken(exhibition, "Retrying tablet", "main");
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Rita Retry", null);
        Map<String, Object> once = scan(issued.badge().code, null);

        post(device, once).statusCode(200).body("result", equalTo("ADMITTED"));
        post(device, once).statusCode(200).body("result", equalTo("ADMITTED")).body("badge.holder", equalTo("Rita Retry"));
        assertThat(CheckinTestData.scansOf(issued.badge().id)).isEqualTo(1);
        // another device may use the same scan id: its own scan
        String other = TestCheckins.deviceToken(exhibition, "Other tablet", "main");
        post(other, once).statusCode(200).body("result", equalTo("ALREADY_ADMITTED"));
        assertThat(CheckinTestData.scansOf(issued.badge().id)).isEqualTo(2);
    }

    @Test
    void oneScanIdSentTenTimesAtOnceIsOneRecord() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String device = TestCheckins.deviceToken(exhibition, "Impatient tablet", "main");
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Once Only", null);
        Map<String, Object> badgeScan = scan(issued.badge().code, null);
        Map<String, Object> junkScan = scan("not a badge at all", null);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> post(device, badgeScan).statusCode(200).extract().path("result"));
                calls.add(() -> post(device, junkScan).statusCode(200).extract().path("reason"));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            assertThat(answers).containsOnly("ADMITTED", "UNKNOWN").filteredOn("ADMITTED"::equals).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(CheckinTestData.scansOf(issued.badge().id)).isEqualTo(1);
        assertThat(CheckinTestData.scansWithId((String) junkScan.get("scanId"))).isEqualTo(1);
    }

    @Test
    void fiftyScansOfOneBadgeAtTwoGatesAtOnceAdmitOnce() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestCheckins.gate(exhibition, "East", "ENTRY");
        String main = TestCheckins.deviceToken(exhibition, "Main rush", "main");
        String east = TestCheckins.deviceToken(exhibition, "East rush", "East");
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Popular Person", null);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String token = i % 2 == 0 ? main : east;
                calls.add(() -> post(token, scan(issued.badge().code, null)).statusCode(200).extract().path("result"));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertThat(results).filteredOn("ADMITTED"::equals).hasSize(1);
            assertThat(results).filteredOn("ALREADY_ADMITTED"::equals).hasSize(49);
        } finally {
            pool.shutdownNow();
        }
        assertThat(CheckinTestData.scansOf(issued.badge().id)).isEqualTo(50);
        assertThat(CheckinTestData.admissionsOf(issued.badge().id)).isEqualTo(1);
    }

    @Test
    void exhibitorsAnonymousAndOtherEditionsDevicesAreRefused() {
        long exhibition = TestExhibitions.june2027();
        long other = TestExhibitions.june2027();
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Guarded Guest", null);
        String exhibitor = TestUsers.exhibitor(TestOrganizations.create()).token();

        post(exhibitor, scan(issued.badge().code, "main")).statusCode(403);
        given().contentType("application/json").body(scan(issued.badge().code, "main")).post("/api/checkins")
                .then().statusCode(401);
        Api.as(exhibitor).body(Map.of("scans", List.of())).post("/api/checkins/batch").then().statusCode(403);
        Api.as(exhibitor).get("/api/exhibitions/" + exhibition + "/checkin-bundle").then().statusCode(403);
        Api.as(exhibitor).get("/api/exhibitions/" + exhibition + "/checkin-conflicts").then().statusCode(403);
        given().get("/api/exhibitions/" + exhibition + "/checkin-bundle").then().statusCode(401);
        given().get("/api/exhibitions/" + exhibition + "/checkin-conflicts").then().statusCode(401);

        String stranger = TestCheckins.deviceToken(other, "Other show's tablet", "main");
        post(stranger, scan(issued.badge().code, null)).statusCode(200)
                .body("result", equalTo("REJECTED")).body("reason", equalTo("WRONG_EDITION"));
        Api.as(stranger).get("/api/exhibitions/" + exhibition + "/checkin-bundle").then().statusCode(404);
        Api.as(stranger).get("/api/exhibitions/" + other + "/checkin-conflicts").then().statusCode(403);
        assertThat(CheckinTestData.scansOf(issued.badge().id)).isZero();
    }

    @Test
    void anUploadIsDecidedInScanOrderAndADoubleOfflineAdmissionIsAConflict() {
        long exhibition = TestExhibitions.june2027();
        TestCheckins.gate(exhibition, "West", "ENTRY");
        String online = TestCheckins.deviceToken(exhibition, "Online tablet", "main");
        String offline = TestCheckins.deviceToken(exhibition, "Offline tablet", "West");
        Badges.Issued early = TestCheckins.badgeValidToday(exhibition, "Early Bird", null);
        Badges.Issued twice = TestCheckins.badgeValidToday(exhibition, "Double Entry", null);

        post(online, scan(twice.badge().code, null)).statusCode(200).body("result", equalTo("ADMITTED"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Map<String, Object>> scans = List.of(
                upload(twice.badge().code, now.plusSeconds(1), "ADMITTED"),
                upload(early.badge().code, now.minusSeconds(120), "ADMITTED"),
                upload(early.badge().code, now.minusSeconds(60), "ALREADY_ADMITTED"));
        Api.as(offline).body(Map.of("scans", scans)).post("/api/checkins/batch").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items[0].result", equalTo("ALREADY_ADMITTED"))
                .body("items[0].earlier.gate", equalTo("main"))
                .body("items[1].result", equalTo("ADMITTED"))
                .body("items[2].result", equalTo("ALREADY_ADMITTED"))
                .body("items[2].earlier.gate", equalTo("West"));
        // uploaded again (the answer was lost): nothing new
        Api.as(offline).body(Map.of("scans", scans)).post("/api/checkins/batch").then().statusCode(200)
                .body("items[0].result", equalTo("ALREADY_ADMITTED"));
        assertThat(CheckinTestData.scansOf(twice.badge().id)).isEqualTo(2);

        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/checkin-conflicts").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].badgeId", equalTo(twice.badge().id.intValue()))
                .body("items[0].gate", equalTo("West"))
                .body("items[0].offlineResult", equalTo("ADMITTED"))
                .body("items[0].result", equalTo("ALREADY_ADMITTED"))
                .body("items[0].earlierGate", equalTo("main"));
    }

    @Test
    void aLaneThatKnewOfItsNeighboursAdmissionIsBelievedAndStaffSeeItUntilTheNeighbourUploads() {
        long exhibition = TestExhibitions.june2027();
        String laneOne = TestCheckins.deviceToken(exhibition, "Lane one", "main");
        String laneTwo = TestCheckins.deviceToken(exhibition, "Lane two", "main");
        Badges.Issued shared = TestCheckins.badgeValidToday(exhibition, "Shared Log", null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        // lane two turned the holder away, knowing (from lane one) of the admission a minute earlier;
        // lane two's upload arrives first: recorded as it happened, unconfirmed for staff
        Api.as(laneTwo).body(Map.of("scans", List.of(upload(shared.badge().code, now.minusSeconds(60),
                        "ALREADY_ADMITTED")))).post("/api/checkins/batch").then().statusCode(200)
                .body("items[0].result", equalTo("ALREADY_ADMITTED"));
        assertThat(CheckinTestData.admissionsOf(shared.badge().id)).isZero();
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/checkin-conflicts").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].offlineResult", equalTo("ALREADY_ADMITTED"))
                .body("items[0].result", equalTo("ADMITTED"));

        // lane one's admission arrives and explains it
        Api.as(laneOne).body(Map.of("scans", List.of(upload(shared.badge().code, now.minusSeconds(120),
                        "ADMITTED")))).post("/api/checkins/batch").then().statusCode(200)
                .body("items[0].result", equalTo("ADMITTED"));
        assertThat(CheckinTestData.admissionsOf(shared.badge().id)).isEqualTo(1);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/checkin-conflicts").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anOnlineScanCannotClaimAnOfflineResult() {
        long exhibition = TestExhibitions.june2027();
        String lane = TestCheckins.deviceToken(exhibition, "Lane", "main");
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Online Olli", null);
        Map<String, Object> body = new HashMap<>(scan(issued.badge().code, null));
        body.put("offlineResult", "ALREADY_ADMITTED");
        post(lane, body).statusCode(200).body("result", equalTo("ADMITTED"));
        assertThat(CheckinTestData.admissionsOf(issued.badge().id)).isEqualTo(1);
    }

    @Test
    void anUploadWithABadItemRecordsNothing() {
        long exhibition = TestExhibitions.june2027();
        String roaming = TestCheckins.deviceToken(exhibition, "Roaming uploader", null);
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Careful Carl", null);
        Map<String, Object> good = upload(issued.badge().code, Instant.now(), "ADMITTED");
        good.put("gate", "main");
        Map<String, Object> nowhere = upload(issued.badge().code, Instant.now(), "ADMITTED");
        nowhere.put("gate", "Nowhere");
        Map<String, Object> undated = upload(issued.badge().code, null, null);
        undated.put("gate", "main");
        Api.as(roaming).body(Map.of("scans", List.of(good, undated))).post("/api/checkins/batch").then()
                .statusCode(400).body("errors.field", hasItem("scans[1].scannedAt"));
        Api.as(roaming).body(Map.of("scans", List.of(good, nowhere))).post("/api/checkins/batch").then()
                .statusCode(400).body("errors.field", hasItem("scans[1].gate"));
        assertThat(CheckinTestData.scansOf(issued.badge().id)).isZero();
    }

    @Test
    void theBundleCarriesKeysRevocationsGatesAndTheBadgesToShow() {
        long exhibition = TestExhibitions.june2027();
        String device = TestCheckins.deviceToken(exhibition, "Bundle tablet", "main");
        Badges.Issued shown = TestCheckins.badgeValidToday(exhibition, "Shown Person", "Shown Ltd");
        Badges.Issued revoked = TestCheckins.badgeValidToday(exhibition, "Gone Person", null);
        TestBadges.badges().revoke(revoked.badge().id, "withdrawn", "test");

        var bundle = Api.as(device).get("/api/exhibitions/" + exhibition + "/checkin-bundle").then().statusCode(200)
                .body("exhibitionId", equalTo((int) exhibition))
                .body("timezone", equalTo("Asia/Shanghai"))
                .body("opensOn", equalTo("2027-06-14"))
                .body("keys[0].keyNo", equalTo(1))
                .body("keys[0].active", equalTo(true))
                .body("revoked", hasItem(revoked.badge().id.intValue()))
                .body("gates.name", hasItem("main"))
                .body("defaultPolicy", equalTo("ONCE_PER_DAY"))
                .body("badgeFields", equalTo(List.of("id", "holder", "organization", "category", "zones")))
                .body("version", notNullValue())
                .extract().jsonPath();
        assertThat(java.util.Base64.getDecoder().decode(bundle.getString("keys[0].publicKey"))).hasSize(32);
        List<List<Object>> badges = bundle.getList("badges");
        assertThat(badges).anySatisfy(row -> assertThat(row).containsExactly(shown.badge().id.intValue(),
                "Shown Person", "Shown Ltd", "PROFESSIONAL", ""));
        assertThat(badges).noneSatisfy(row -> assertThat(row.get(0)).isEqualTo(revoked.badge().id.intValue()));
        String version = bundle.getString("version");
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/checkin-bundle").then().statusCode(200)
                .body("version", equalTo(version));
    }

    @Test
    void staffScanAnyEditionsBadgeAndSomethingThatIsNoBadgeIsRejectedWithoutARecord() {
        long exhibition = TestExhibitions.june2027();
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Desk Visitor", null);
        String staff = TestUsers.staff().token();
        post(staff, scan("https://example.com/not-a-badge", "main")).statusCode(200)
                .body("result", equalTo("REJECTED")).body("reason", equalTo("UNKNOWN"));
        post(staff, scan(issued.badge().code, "Nowhere")).statusCode(422);
        post(staff, scan(issued.badge().code, "main")).statusCode(200).body("result", equalTo("ADMITTED"));
        post(TestUsers.admin().token(), scan(issued.badge().code, "main")).statusCode(200)
                .body("result", equalTo("ALREADY_ADMITTED"));
    }

    @Test
    void withFreeReentryAnExitLetsTheHolderInAgain() {
        long exhibition = TestExhibitions.june2027();
        TestCheckins.gate(exhibition, "Out", "EXIT");
        Api.asAdmin().body(Map.of("items", List.of(Map.of("category", "PROFESSIONAL", "policy", "FREE_REENTRY"))))
                .put("/api/exhibitions/" + exhibition + "/entry-policies").then().statusCode(200);
        String roaming = TestCheckins.deviceToken(exhibition, "Roaming door tablet", null);
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Coming Going", null);

        post(roaming, scan(issued.badge().code, "main")).statusCode(200).body("result", equalTo("ADMITTED"));
        post(roaming, scan(issued.badge().code, "main")).statusCode(200).body("result", equalTo("ALREADY_ADMITTED"));
        post(roaming, scan(issued.badge().code, "Out")).statusCode(200)
                .body("result", equalTo("EXITED")).body("message", equalTo("Exit recorded"));
        Map<String, Object> wrongWay = scan(issued.badge().code, "Out");
        wrongWay.put("direction", "IN");
        post(roaming, wrongWay).statusCode(200).body("reason", equalTo("WRONG_DIRECTION"));
        post(roaming, scan(issued.badge().code, "main")).statusCode(200).body("result", equalTo("ADMITTED"));
        assertThat(CheckinTestData.admissionsOf(issued.badge().id)).isEqualTo(2);
    }

    @Test
    void aDeviceForSomeCategoriesGetsOnlyTheirBadgesAndRejectsOthers() {
        long exhibition = TestExhibitions.june2027();
        String code = Api.asAdmin().body(Map.of("name", "Press desk", "gate", "main", "categories", List.of("PRESS")))
                .post("/api/exhibitions/" + exhibition + "/devices").then().statusCode(201).extract().path("setupCode");
        String press = TestCheckins.activate(code);
        Badges.Issued journalist = TestCheckins.badgeValidToday(exhibition, "Jo Journalist", null, "PRESS", List.of());
        Badges.Issued visitor = TestCheckins.badgeValidToday(exhibition, "Val Visitor", null);

        var bundle = Api.as(press).get("/api/exhibitions/" + exhibition + "/checkin-bundle").then().statusCode(200)
                .body("categories", equalTo(List.of("PRESS"))).extract().jsonPath();
        List<List<Object>> rows = bundle.getList("badges");
        assertThat(rows).extracting(row -> row.get(0)).containsExactly(journalist.badge().id.intValue());
        post(press, scan(visitor.badge().code, null)).statusCode(200).body("reason", equalTo("WRONG_ZONE"));
        post(press, scan(journalist.badge().code, null)).statusCode(200).body("result", equalTo("ADMITTED"));
    }

    @Test
    void aDeviceRevokedOnAnotherInstanceCannotScanAnyMore() {
        long exhibition = TestExhibitions.june2027();
        String device = TestCheckins.deviceToken(exhibition, "Lost tablet", "main");
        Badges.Issued first = TestCheckins.badgeValidToday(exhibition, "Early Bird", null);
        Badges.Issued second = TestCheckins.badgeValidToday(exhibition, "Late Comer", null);
        post(device, scan(first.badge().code, null)).statusCode(200).body("result", equalTo("ADMITTED"));

        // as another instance revokes it: in the database only, this instance still believes the token
        long deviceId = Api.as(device).get("/api/devices/me").then().statusCode(200).extract().<Integer>path("id");
        CheckinTestData.revokeCredentialsOf(deviceId);

        post(device, scan(second.badge().code, null)).statusCode(401);
        assertThat(CheckinTestData.scansOf(second.badge().id)).isZero();
    }

    @Test
    void aDeviceSetToAnotherGateOnAnotherInstanceScansThereAtOnce() {
        long exhibition = TestExhibitions.june2027();
        Map<String, Object> west = TestCheckins.gate(exhibition, "West", "ENTRY");
        String device = TestCheckins.deviceToken(exhibition, "Moving tablet", "main");
        Badges.Issued first = TestCheckins.badgeValidToday(exhibition, "Ann Before", null);
        Badges.Issued second = TestCheckins.badgeValidToday(exhibition, "Ben After", null);
        post(device, scan(first.badge().code, null)).statusCode(200).body("result", equalTo("ADMITTED"));

        long deviceId = Api.as(device).get("/api/devices/me").then().statusCode(200).extract().<Integer>path("id");
        CheckinTestData.setGateOf(deviceId, ((Number) west.get("id")).longValue());

        post(device, scan(second.badge().code, "main")).statusCode(200).body("result", equalTo("ADMITTED"));
        assertThat(CheckinTestData.gateNamesOf(second.badge().id)).containsExactly("West");
        assertThat(CheckinTestData.gateNamesOf(first.badge().id)).containsExactly("main");
    }

    private static Map<String, Object> upload(String code, Instant at, String offlineResult) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("scanId", UUID.randomUUID().toString());
        if (at != null) {
            body.put("scannedAt", at.toString());
        }
        if (offlineResult != null) {
            body.put("offlineResult", offlineResult);
        }
        return body;
    }
}
