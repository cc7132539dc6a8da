package org.expodesk.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class CalendarFeedTest {

    private static final Pattern LINK = Pattern.compile("(http[^<\\s]+/calendar/[A-Za-z0-9_-]+\\.ics)");

    @Test
    void aStaffMemberSubscribesToTheirDeadlinesThroughASecretAddressThatCanBeReplaced() {
        TestUser owner = TestUsers.staff();
        TestUser other = TestUsers.staff();
        long exhibition = TestExhibitions.june2027();
        Api.asAdmin().body(Map.of("stage", "PRE_SHOW", "title", "Exhibitor manual", "durationDays", 2,
                "dueOn", "2027-05-18", "owner", owner.username())).post("/api/exhibitions/" + exhibition + "/tasks")
                .then().statusCode(201);
        Api.asAdmin().body(Map.of("stage", "PRE_SHOW", "title", "Someone else's task", "durationDays", 2,
                "owner", other.username())).post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(201);

        String first = renew(owner);
        Response feed = given().get(path(first));
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        String ics = feed.asString();
        assertThat(ics).contains("BEGIN:VCALENDAR").contains("VERSION:2.0").contains("BEGIN:VEVENT")
                .contains("SUMMARY:Exhibitor manual").contains("DTSTART;VALUE=DATE:20270518").contains("DTSTAMP:")
                .doesNotContain("Someone else's task");

        String second = renew(owner);
        assertThat(given().get(path(first)).statusCode()).isEqualTo(404);
        assertThat(given().get(path(second)).statusCode()).isEqualTo(200);
        assertThat(given().get("/calendar/made-up-secret.ics").statusCode()).isEqualTo(404);
    }

    private static String renew(TestUser user) {
        BrowserSession page = BrowserSession.signedIn(user.username(), user.password());
        page.get("/account");
        Matcher m = LINK.matcher(page.post("/account/calendar", Map.of()).asString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String path(String link) {
        return link.substring(link.indexOf("/calendar/"));
    }
}
