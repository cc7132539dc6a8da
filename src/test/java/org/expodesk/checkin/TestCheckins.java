package org.expodesk.checkin;

import io.restassured.http.ContentType;
import org.expodesk.badge.Badges;
import org.expodesk.badge.TestBadges;
import org.expodesk.testing.Api;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Scanner devices with their tokens, and badges valid today, for check-in tests. */
public final class TestCheckins {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** How far from the edition's midnight a test starts that looks minutes back or ahead, or compares days. */
    private static final Duration FROM_MIDNIGHT = Duration.ofMinutes(3);

    private TestCheckins() {
    }

    /**
     * Waits, when the edition's day (Asia/Shanghai, midnight at 16:00 UTC) ends in less than three minutes or began less
     * than three minutes ago, until three minutes past its midnight: a scan a minute before "now", and the day the test
     * read, must be of the server's day.
     */
    public static void awayFromMidnight() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
        ZonedDateTime began = now.toLocalDate().atStartOfDay(now.getZone());
        ZonedDateTime ends = began.plusDays(1);
        ZonedDateTime startAt = Duration.between(began, now).compareTo(FROM_MIDNIGHT) < 0 ? began.plus(FROM_MIDNIGHT)
                : Duration.between(now, ends).compareTo(FROM_MIDNIGHT) < 0 ? ends.plus(FROM_MIDNIGHT) : now;
        long wait = Duration.between(now, startAt).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for midnight to pass", e);
            }
        }
    }

    /** A device of the edition, activated; {@code gate} null: each scan names its gate. Returns its token. */
    public static String deviceToken(long exhibitionId, String name, String gate) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        if (gate != null) {
            body.put("gate", gate);
        }
        String code = Api.asAdmin().body(body).post("/api/exhibitions/" + exhibitionId + "/devices")
                .then().statusCode(201).extract().path("setupCode");
        return activate(code);
    }

    /** A client address of its own (sent as X-Forwarded-For): the activation limit is per address. */
    public static String clientAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250 % 100) + "." + (n % 250 + 1);
    }

    public static String activate(String setupCode) {
        String address = clientAddress();
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("setupCode", setupCode)).post("/api/devices/activate")
                .then().statusCode(200).extract().path("token");
    }

    /** A badge valid from yesterday to tomorrow in the edition's zone (Asia/Shanghai), in category PROFESSIONAL. */
    public static Badges.Issued badgeValidToday(long exhibitionId, String holder, String organization) {
        return badgeValidToday(exhibitionId, holder, organization, "PROFESSIONAL", List.of());
    }

    public static Badges.Issued badgeValidToday(long exhibitionId, String holder, String organization,
                                                String category, List<String> zones) {
        long person = TestBadges.person(null);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return TestBadges.badges().issue(new Badges.IssueRequest(exhibitionId, person, holder, null, organization,
                category, "Professional visitor", "#1E88E5", today.minusDays(1), today.plusDays(1), zones));
    }

    public static Map<String, Object> gate(long exhibitionId, String name, String kind) {
        return Api.asAdmin().body(Map.of("name", name, "kind", kind)).post("/api/exhibitions/" + exhibitionId + "/gates")
                .then().statusCode(201).extract().jsonPath().getMap("");
    }
}
