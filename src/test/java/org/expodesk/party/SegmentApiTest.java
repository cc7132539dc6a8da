package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class SegmentApiTest {

    @Test
    void exhibitedIn2024And2025ButNotIn2026FindsExactlyThoseOrganizations() {
        long e2024 = TestExhibitions.june2027();
        long e2025 = TestExhibitions.june2027();
        long e2026 = TestExhibitions.june2027();
        long loyalLapsed = TestOrganizations.create();
        long stillComing = TestOrganizations.create();
        long onlyFirst = TestOrganizations.create();
        long onlySecond = TestOrganizations.create();
        long buyerFirst = TestOrganizations.create();
        exhibit(loyalLapsed, e2024, "exhibitor");
        exhibit(loyalLapsed, e2025, "exhibitor");
        exhibit(loyalLapsed, e2026, "visitor");
        exhibit(stillComing, e2024, "exhibitor");
        exhibit(stillComing, e2025, "exhibitor");
        exhibit(stillComing, e2026, "exhibitor");
        exhibit(onlyFirst, e2024, "exhibitor");
        exhibit(onlySecond, e2025, "exhibitor");
        exhibit(buyerFirst, e2024, "buyer");
        exhibit(buyerFirst, e2025, "exhibitor");
        // onlyFirst takes over its duplicate's 2025 participation when they merge
        long duplicate = TestOrganizations.create();
        exhibit(duplicate, e2024, "exhibitor");
        exhibit(duplicate, e2025, "exhibitor");
        Api.asAdmin().body(Map.of("duplicate", duplicate)).post("/api/organizations/" + onlyFirst + "/merge").then()
                .statusCode(200);
        // a merged duplicate keeps what its survivor already had, and never shows up even with the right history
        long merged = TestOrganizations.create();
        exhibit(merged, e2024, "exhibitor");
        exhibit(merged, e2025, "exhibitor");
        Api.asAdmin().body(Map.of("duplicate", merged)).post("/api/organizations/" + stillComing + "/merge").then()
                .statusCode(200);
        Api.asAdmin().get("/api/organizations/" + merged + "/participations").then().body("size()", equalTo(2));

        Map<String, Object> filter = Map.of("participations", List.of(
                Map.of("exhibition", e2024, "role", "EXHIBITOR"),
                Map.of("exhibition", e2025, "role", "exhibitor"),
                Map.of("exhibition", e2026, "role", "EXHIBITOR", "participated", false)));
        long segment = ((Number) Api.asAdmin().body(Map.of("name", "Lapsed exhibitors " + System.nanoTime(),
                        "description", "exhibited 2024 and 2025, not 2026", "kind", "organizations", "filter", filter))
                .post("/api/segments").then().statusCode(201)
                .body("kind", equalTo("organizations")).body("filter.participations[2].participated", equalTo(false))
                .extract().path("id")).longValue();

        Api.asAdmin().get("/api/segments/" + segment + "/members").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", contains((int) onlyFirst, (int) loyalLapsed));
        Api.asAdmin().body(Map.of("kind", "organizations", "filter", filter)).post("/api/segments/preview").then()
                .statusCode(200).body("total", equalTo(2))
                .body("items.id", containsInAnyOrder((int) loyalLapsed, (int) onlyFirst));
        Api.asAdmin().queryParam("page", "1").queryParam("size", "1").get("/api/segments/" + segment + "/members")
                .then().body("total", equalTo(2)).body("items.id", contains((int) loyalLapsed));

        Map<String, Object> any = Map.of("participations", List.of(Map.of("exhibition", e2026)));
        long version = Api.asAdmin().get("/api/segments/" + segment).then().extract().jsonPath().getLong("version");
        Api.asAdmin().body(Map.of("name", "At 2026", "kind", "organizations", "filter", any))
                .put("/api/segments/" + segment).then().statusCode(400).body("errors[0].field", equalTo("version"));
        Api.asAdmin().body(Map.of("name", "At 2026", "kind", "organizations", "filter", any, "version", version))
                .put("/api/segments/" + segment).then().statusCode(200).body("name", equalTo("At 2026"));
        // a second change made on the same, now old, reading is refused: nothing is silently overwritten
        Api.asAdmin().body(Map.of("name", "Lost edit", "kind", "organizations", "filter", any, "version", version))
                .put("/api/segments/" + segment).then().statusCode(409);
        Api.asAdmin().get("/api/segments/" + segment + "/members").then()
                .body("items.id", containsInAnyOrder((int) loyalLapsed, (int) stillComing));
        Api.asAdmin().delete("/api/segments/" + segment).then().statusCode(204);
        Api.asAdmin().get("/api/segments/" + segment).then().statusCode(404);
    }

    @Test
    void organizationFieldsTagsCategoriesAndPeopleFiltersCombine() {
        String u = String.valueOf(System.nanoTime() % 1_000_000);
        long verified = create(Map.of("name", "Filter A " + u, "country", "KE", "city", "Nairobi" + u,
                "tags", "vip, green", "industry", "Textiles", "categories", List.of("TEXT-APP")));
        long other = create(Map.of("name", "Filter B " + u, "country", "KE", "city", "Nairobi" + u, "tags", "vip",
                "categories", List.of("ELEC-LIGHT")));
        create(Map.of("name", "Filter C " + u, "country", "UG", "city", "Nairobi" + u, "tags", "green,vip",
                "categories", List.of("TEXT-FAB")));
        Api.asAdmin().body(Map.of("status", "VERIFIED")).post("/api/organizations/" + verified + "/screening").then()
                .statusCode(200);

        Api.asAdmin().body(Map.of("kind", "organizations", "filter", Map.of("city", "Nairobi" + u, "countries",
                        List.of("ke", "TZ"), "categories", List.of("TEXT"), "tagsAll", List.of("VIP", "green"))))
                .post("/api/segments/preview").then().statusCode(200).body("items.id", contains((int) verified))
                .body("items[0].categories", contains("TEXT-APP"));
        Api.asAdmin().body(Map.of("kind", "organizations", "filter", Map.of("city", "Nairobi" + u,
                        "tagsAny", List.of("green"), "verification", "unverified")))
                .post("/api/segments/preview").then().body("total", equalTo(1));
        Api.asAdmin().body(Map.of("kind", "organizations", "filter", Map.of("city", "Nairobi" + u, "countries",
                        List.of("KE"))))
                .post("/api/segments/preview").then().body("items.id", containsInAnyOrder((int) verified, (int) other));

        long exhibition = TestExhibitions.june2027();
        long chinese = person(Map.of("familyName", "张", "givenName", "伟" + u, "organization", verified, "language", "zh-CN"));
        long english = person(Map.of("familyName", "Jones" + u, "organization", verified, "language", "en"));
        person(Map.of("familyName", "Otieno" + u, "organization", other, "language", "zh"));
        Api.asAdmin().body(Map.of("exhibition", exhibition, "party", "person:" + english, "role", "buyer"))
                .post("/api/participations").then().statusCode(201);
        Api.asAdmin().body(Map.of("kind", "people", "filter", Map.of("organization", verified, "language", "zh")))
                .post("/api/segments/preview").then().statusCode(200).body("items.id", contains((int) chinese))
                .body("items[0].name", equalTo("张伟" + u));
        Api.asAdmin().body(Map.of("kind", "people", "filter", Map.of("city", "Nairobi" + u, "participations",
                        List.of(Map.of("exhibition", exhibition, "role", "BUYER")))))
                .post("/api/segments/preview").then().body("items.id", contains((int) english));
    }

    @Test
    void aBadFilterIsRefusedFieldByFieldAndNothingIsSaved() {
        String name = "Broken " + System.nanoTime();
        Api.asAdmin().body(Map.of("name", name, "kind", "companies", "filter", Map.of("countries", List.of("CHN"),
                        "categories", List.of("NO-SUCH-CODE"), "verification", "maybe", "owner", "nobody-" + name,
                        "participations", List.of(Map.of("exhibition", 987654321)))))
                .post("/api/segments").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("kind", "filter.countries", "filter.categories",
                        "filter.verification", "filter.owner", "filter.participations"));
        Api.asAdmin().body(Map.of("name", "", "kind", "people", "filter", Map.of("language", "not a language!")))
                .post("/api/segments").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "filter.language"));
        Api.asAdmin().get("/api/segments").then().statusCode(200).body("items.name", not(hasItem(name)));

        long exhibition = TestExhibitions.june2027();
        long segment = ((Number) Api.asAdmin().body(Map.of("name", name, "kind", "organizations", "filter",
                        Map.of("participations", List.of(Map.of("exhibition", exhibition))))).post("/api/segments").then()
                .statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("name", name, "kind", "organizations", "version", 0, "filter",
                        Map.of("participations", List.of(Map.of("exhibition", exhibition, "role", "clown")))))
                .put("/api/segments/" + segment).then().statusCode(400)
                .body("errors[0].field", equalTo("filter.participations"));
        Api.asAdmin().get("/api/segments/" + segment).then().body("filter.participations[0].role", equalTo(null));
        Api.asAdmin().queryParam("size", "201").get("/api/segments/" + segment + "/members").then().statusCode(400);
        Api.asAdmin().queryParam("page", "2147483647").queryParam("size", "200").get("/api/segments/" + segment + "/members")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void segmentsAreForStaffOnly() {
        long own = TestOrganizations.create();
        String exhibitor = TestUsers.exhibitor(own).token();
        long segment = ((Number) Api.asAdmin().body(Map.of("name", "Staff only " + System.nanoTime(),
                        "kind", "organizations", "filter", Map.of())).post("/api/segments").then().statusCode(201)
                .extract().path("id")).longValue();
        Api.as(exhibitor).get("/api/segments").then().statusCode(403);
        Api.as(exhibitor).get("/api/segments/" + segment).then().statusCode(403);
        Api.as(exhibitor).get("/api/segments/" + segment + "/members").then().statusCode(403);
        Api.as(exhibitor).get("/api/segments/" + segment + "/export.csv").then().statusCode(403);
        Api.as(exhibitor).body(Map.of("kind", "organizations", "filter", Map.of())).post("/api/segments/preview")
                .then().statusCode(403);
        Api.as(exhibitor).body(Map.of("name", "Mine", "kind", "organizations", "filter", Map.of()))
                .post("/api/segments").then().statusCode(403);
        Api.as(exhibitor).delete("/api/segments/" + segment).then().statusCode(403);
        Api.as(TestUsers.staff().token()).get("/api/segments/" + segment + "/members").then().statusCode(200);
    }

    static void exhibit(long organization, long exhibition, String role) {
        Api.asAdmin().body(Map.of("exhibition", exhibition, "party", "organization:" + organization, "role", role))
                .post("/api/participations").then().statusCode(201);
    }

    static long create(Map<String, Object> organization) {
        return ((Number) Api.asAdmin().body(organization).post("/api/organizations").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    static long person(Map<String, Object> person) {
        return ((Number) Api.asAdmin().body(person).post("/api/people").then().statusCode(201).extract().path("id"))
                .longValue();
    }
}
