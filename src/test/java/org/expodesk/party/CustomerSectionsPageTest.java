package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The categories, segments and follow-ups pages through plain form posts (no JavaScript). */
@QuarkusTest
class CustomerSectionsPageTest {

    @Test
    void aBadSegmentFormComesBackWithItsErrorsAndNothingIsSaved() {
        TestUser staff = TestUsers.staff();
        BrowserSession session = BrowserSession.signedIn(staff.username(), staff.password());
        assertThat(session.get("/customers/segments/new").statusCode()).isEqualTo(200);
        String name = "Bad form " + System.nanoTime();
        Response bad = session.post("/customers/segments", Map.of("name", name, "kind", "ORGANIZATIONS",
                "countries", "CN, Germany", "tagsAny", "vip"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("data-testid=\"error-countries\"").contains("value=\"CN, Germany\"")
                .contains("value=\"vip\"");
        Api.asAdmin().get("/api/segments").then().body("items.name", not(hasItem(name)));

        Response count = session.post("/customers/segments/count", Map.of("kind", "ORGANIZATIONS", "countries", "CN"));
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.asString()).contains("members match");

        Response saved = session.post("/customers/segments", Map.of("name", name, "kind", "PEOPLE", "language", "zh"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(session.get(saved.header("Location")).asString()).contains(name).contains("customers-nav");
        long exhibition = org.expodesk.exhibition.TestExhibitions.june2027();
        long segment = ((Number) Api.asAdmin().body(Map.of("name", "Editable " + System.nanoTime(), "kind",
                        "organizations", "filter", Map.of("categories", List.of("FOOD-BEV"), "participations",
                                List.of(Map.of("exhibition", exhibition, "role", "BUYER", "participated", false)))))
                .post("/api/segments").then().statusCode(201).extract().path("id")).longValue();
        String edit = session.get("/customers/segments/" + segment + "/edit").asString();
        assertThat(edit).contains("<option value=\"FOOD-BEV\" selected>")
                .contains("<option value=\"" + exhibition + "\" selected>")
                .contains("<option value=\"didNot\" selected>").contains("<option value=\"BUYER\" selected>");
        Response csv = session.get(saved.header("Location") + "/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(session.get("/customers/exports/people.xlsx").statusCode()).isEqualTo(200);
    }

    @Test
    void staffManageCategoriesAndGiveThemToAnOrganization() {
        TestUser staff = TestUsers.staff();
        BrowserSession session = BrowserSession.signedIn(staff.username(), staff.password());
        assertThat(session.get("/customers/categories").asString()).contains("FOOD-BEV").contains("Beverages");
        String code = "P" + System.nanoTime() % 1_000_000_000L;
        Response bad = session.post("/customers/categories", Map.of("code", code, "nameEn", "Printing", "nameZh", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("data-testid=\"error-nameZh\"");
        assertThat(session.post("/customers/categories", Map.of("code", code, "nameEn", "Printing", "nameZh", "印刷"))
                .statusCode()).isEqualTo(303);

        long id = ((Number) Api.asAdmin().get("/api/product-categories").then().extract()
                .path("items.find { it.code == '" + code + "' }.id")).longValue();
        session.get("/customers/categories");
        assertThat(session.post("/customers/categories/" + id, Map.of("nameEn", "Printing and paper", "nameZh", "印刷",
                "sortOrder", "x", "version", "0")).statusCode()).isEqualTo(400);
        assertThat(session.post("/customers/categories/" + id, Map.of("nameEn", "Printing and paper", "nameZh", "印刷",
                "sortOrder", "5", "version", "0")).statusCode()).isEqualTo(303);
        Api.asAdmin().get("/api/product-categories").then()
                .body("items.find { it.code == '" + code + "' }.nameEn", equalTo("Printing and paper"));

        long org = TestOrganizations.create();
        session.get("/customers/organizations/" + org);
        assertThat(session.post("/customers/organizations/" + org + "/categories", Map.of("categories", code))
                .statusCode()).isEqualTo(303);
        Api.asAdmin().get("/api/organizations/" + org).then().body("categories", contains(code));
        BrowserSession chinese = BrowserSession.signedIn(staff.username(), staff.password())
                .header("Accept-Language", "zh-CN");
        assertThat(chinese.get("/customers/organizations/" + org).asString()).contains("<span class=\"badge\">印刷</span>");
    }

    @Test
    void theFollowUpsPageListsMineAndMarksThemDone() {
        TestUser staff = TestUsers.staff();
        long org = TestOrganizations.create();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long id = ((Number) Api.as(staff.token()).body(Map.of("party", "organization:" + org, "kind", "meeting",
                        "summary", "Bring the sponsorship deck", "followUpOn", today.minusDays(1).toString()))
                .post("/api/interactions").then().statusCode(201).extract().path("id")).longValue();
        BrowserSession session = BrowserSession.signedIn(staff.username(), staff.password());
        String page = session.get("/customers/follow-ups").asString();
        assertThat(page).contains("Bring the sponsorship deck").contains("Overdue").contains("customers-nav");

        TestUser other = TestUsers.staff();
        BrowserSession stranger = BrowserSession.signedIn(other.username(), other.password());
        stranger.get("/customers/follow-ups");
        assertThat(stranger.post("/customers/follow-ups/" + id + "/done", Map.of()).statusCode()).isEqualTo(404);

        assertThat(session.post("/customers/follow-ups/" + id + "/date", Map.of("on", "soon")).statusCode())
                .isEqualTo(400);
        assertThat(session.post("/customers/follow-ups/" + id + "/date", Map.of("on", today.plusDays(1).toString()))
                .statusCode()).isEqualTo(303);
        assertThat(session.get("/customers/follow-ups").asString()).contains("Upcoming");
        assertThat(session.post("/customers/follow-ups/" + id + "/done", Map.of()).statusCode()).isEqualTo(303);
        Api.as(staff.token()).get("/api/me/follow-ups").then().body("total", equalTo(0));
        assertThat(session.get("/customers/follow-ups").asString()).contains("data-testid=\"no-follow-ups\"");
    }
}
