package org.expodesk.checkin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.expodesk.badge.Badges;
import org.expodesk.badge.TestBadges;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The live view counts today's scans of one edition: people admitted by category and gate, who is
 * inside, re-scans and rejections, and compares with the same show day of the previous edition.
 */
@QuarkusTest
class LiveViewTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @BeforeEach
    void awayFromMidnight() {
        TestCheckins.awayFromMidnight();
    }

    @Test
    void todaysFiguresAgainstTheSameDayOfThePreviousEdition() {
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate lastYear = today.minusYears(1);
        String code = "LV" + System.nanoTime() % 1_000_000;
        long previous = ((Number) Api.asAdmin().body(Map.of("code", code + "A", "name", "Live Expo " + code + " (last year)",
                        "venue", "Hall", "city", "Shanghai", "timezone", "Asia/Shanghai",
                        "opensOn", lastYear.minusDays(1).toString(), "closesOn", lastYear.plusDays(1).toString()))
                .post("/api/exhibitions").then().statusCode(201).extract().path("id")).longValue();
        long exhibition = ((Number) Api.asAdmin().body(Map.of("code", code + "B", "name", "Live Expo " + code,
                        "opensOn", today.minusDays(1).toString(), "closesOn", today.plusDays(1).toString()))
                .post("/api/exhibitions/" + previous + "/editions").then().statusCode(201).extract().path("id"))
                .longValue();

        // last year, on the second show day: one admission before this time of day, one after it
        Badges.Issued then = badgeValidOn(previous, "Last Year", lastYear);
        Badges.Issued later = badgeValidOn(previous, "Later Last Year", lastYear);
        ZonedDateTime now = ZonedDateTime.now(SHANGHAI);
        Duration sinceMidnight = Duration.between(today.atStartOfDay(SHANGHAI), now);
        Instant lastYearMidnight = lastYear.atStartOfDay(SHANGHAI).toInstant();
        Instant before = lastYearMidnight.plus(sinceMidnight.dividedBy(2));
        Instant after = lastYearMidnight.plus(sinceMidnight).plus(Duration.between(now, today.plusDays(1)
                .atStartOfDay(SHANGHAI)).dividedBy(2));
        String lastYearDevice = TestCheckins.deviceToken(previous, "Last year's tablet", "main");
        Api.as(lastYearDevice).body(Map.of("scans", List.of(upload(then.badge().code, before),
                upload(later.badge().code, after)))).post("/api/checkins/batch").then().statusCode(200)
                .body("items.result", equalTo(List.of("ADMITTED", "ADMITTED")));

        TestCheckins.gate(exhibition, "North", "ENTRY");
        TestCheckins.gate(exhibition, "Way out", "EXIT");
        String tablet = TestCheckins.deviceToken(exhibition, "Tablet", null);
        Badges.Issued visitor = TestCheckins.badgeValidToday(exhibition, "Vera Visitor", null);
        Badges.Issued buyer = TestCheckins.badgeValidToday(exhibition, "Bob Buyer", "Buying Co", "BUYER", List.of());
        scan(tablet, visitor.badge().code, "main", "ADMITTED");
        scan(tablet, buyer.badge().code, "North", "ADMITTED");
        scan(tablet, visitor.badge().code, "North", "ALREADY_ADMITTED");
        scan(tablet, CheckinApiTest.tampered(buyer.badge().code), "main", "REJECTED");
        scan(tablet, buyer.badge().code, "Way out", "EXITED");

        JsonPath live = Api.asAdmin().get("/api/exhibitions/" + exhibition + "/checkin-stats").then().statusCode(200)
                .body("day", equalTo(today.toString()))
                .body("showDay", equalTo(2))
                .body("people", equalTo(2))
                .body("inside", equalTo(1))
                .body("admissions", equalTo(2))
                .body("repeats", equalTo(1))
                .body("rejected", equalTo(1))
                .body("previousExhibitionId", equalTo((int) previous))
                .body("previousDay", equalTo(lastYear.toString()))
                .body("previousByNow", equalTo(1))
                .extract().jsonPath();
        assertThat(live.getList("categories.name")).containsExactly("BUYER", "PROFESSIONAL");
        assertThat(live.getList("categories.admitted", Integer.class)).containsExactly(1, 1);
        assertThat(live.getList("categories.inside", Integer.class)).containsExactly(0, 1);
        assertThat(live.getList("gates.name")).containsExactlyInAnyOrder("North", "main");
        assertThat(live.getList("gates.admitted", Integer.class)).containsExactly(1, 1);
        assertThat(live.getList("hours.admitted", Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        assertThat(live.getList("hours.previous", Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);

        TestUser staff = TestUsers.staff();
        BrowserSession page = BrowserSession.signedIn(staff.username(), staff.password());
        String html = page.get("/exhibitions/" + exhibition + "/live").asString();
        assertThat(html).contains("data-testid=\"live-people\">2<").contains("data-testid=\"live-inside\">1<")
                .contains("data-testid=\"live-previous-by-now\">1<").contains("hx-trigger=\"every 15s\"")
                .doesNotContain("data-testid=\"live-conflicts\"");
        assertThat(page.get("/exhibitions/" + exhibition + "/live/figures").asString())
                .contains("id=\"live-figures\"").contains("data-testid=\"live-rejected\">1<").doesNotContain("<html");
    }

    @Test
    void aDoubleOfflineAdmissionIsListedForStaffWithTheHoldersName() {
        long exhibition = org.expodesk.exhibition.TestExhibitions.june2027();
        TestCheckins.gate(exhibition, "West", "ENTRY");
        String online = TestCheckins.deviceToken(exhibition, "Online tablet", "main");
        String offline = TestCheckins.deviceToken(exhibition, "Offline tablet", "West");
        Badges.Issued twice = TestCheckins.badgeValidToday(exhibition, "Dora Double", null);
        scan(online, twice.badge().code, null, "ADMITTED");
        Map<String, Object> upload = upload(twice.badge().code, Instant.now().plusSeconds(1));
        upload.put("offlineResult", "ADMITTED");
        Api.as(offline).body(Map.of("scans", List.of(upload))).post("/api/checkins/batch").then().statusCode(200);

        TestUser staff = TestUsers.staff();
        BrowserSession page = BrowserSession.signedIn(staff.username(), staff.password());
        assertThat(page.get("/exhibitions/" + exhibition + "/live").asString()).contains("data-testid=\"live-conflicts\"");
        String conflicts = page.get("/exhibitions/" + exhibition + "/live/conflicts").asString();
        assertThat(conflicts).contains("Dora Double").contains("West").contains("main").contains("Already admitted");
    }

    @Test
    void onlyStaffSeeTheLiveView() {
        long exhibition = org.expodesk.exhibition.TestExhibitions.june2027();
        TestUser exhibitor = TestUsers.exhibitor(TestOrganizations.create());
        Api.as(exhibitor.token()).get("/api/exhibitions/" + exhibition + "/checkin-stats").then().statusCode(403);
        given().get("/api/exhibitions/" + exhibition + "/checkin-stats").then().statusCode(401);
        String device = TestCheckins.deviceToken(exhibition, "Gate tablet", "main");
        Api.as(device).get("/api/exhibitions/" + exhibition + "/checkin-stats").then().statusCode(403);
        BrowserSession page = BrowserSession.signedIn(exhibitor.username(), exhibitor.password());
        assertThat(page.get("/exhibitions/" + exhibition + "/live").statusCode()).isEqualTo(403);
        assertThat(page.get("/exhibitions/" + exhibition + "/live/figures").statusCode()).isEqualTo(403);
        assertThat(page.get("/exhibitions/" + exhibition + "/live/conflicts").statusCode()).isEqualTo(403);
        Api.asAdmin().get("/api/exhibitions/999999999/checkin-stats").then().statusCode(404);
    }

    private static Badges.Issued badgeValidOn(long exhibitionId, String holder, LocalDate day) {
        long person = TestBadges.person(null);
        return TestBadges.badges().issue(new Badges.IssueRequest(exhibitionId, person, holder, null, null,
                "PROFESSIONAL", "Professional visitor", "#1E88E5", day.minusDays(1), day.plusDays(1), List.of()));
    }

    private static void scan(String token, String code, String gate, String expected) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("scanId", UUID.randomUUID().toString());
        if (gate != null) {
            body.put("gate", gate);
        }
        Api.as(token).body(body).post("/api/checkins").then().statusCode(200).body("result", equalTo(expected));
    }

    private static Map<String, Object> upload(String code, Instant at) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("scanId", UUID.randomUUID().toString());
        body.put("scannedAt", at.toString());
        return body;
    }
}
