package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class CustomerDatabaseApiTest {

    @Test
    void anOrganizationIsFoundByAnyPartOfItsChineseOrLatinNameAndByItsKeys() {
        String unique = String.valueOf(System.nanoTime() % 1_000_000);
        String credit = "91440300MA5" + unique;
        JsonPath org = Api.asAdmin().body(Map.of("name", "深圳市华强" + unique + "电子有限公司",
                        "nameLatin", "Shenzhen Huaqiang" + unique + " Electronics Co., Ltd.", "creditCode", credit.toLowerCase(),
                        "country", "cn", "city", "深圳", "website", "https://www.hq" + unique + ".example.cn/about",
                        "tags", "Electronics, 电子, electronics"))
                .post("/api/organizations").then().statusCode(201)
                .body("domain", equalTo("hq" + unique + ".example.cn")).body("country", equalTo("CN"))
                .body("creditCode", equalTo(credit)).body("tags", contains("electronics", "电子"))
                .body("verification", equalTo("UNVERIFIED")).extract().jsonPath();
        long id = org.getLong("id");

        for (String q : List.of("华强" + unique, "huaqiang" + unique, "HUAQIANG" + unique + " electronics", credit,
                "hq" + unique + ".example.cn", "深圳市华强" + unique + "电子有限公司",
                "Shenzhen Huaqiang" + unique + " Electronics Co., Ltd.")) {
            Api.asAdmin().queryParam("q", q).get("/api/search").then().statusCode(200)
                    .body("items.findAll { it.type == 'organization' }.id", hasItem((int) id));
        }
        Api.asAdmin().queryParam("q", "").get("/api/search").then().body("total", equalTo(0));
    }

    @Test
    void aPersonKeepsTheirWorkHistoryAndIsWrittenTheirWay() {
        long first = TestOrganizations.create();
        long second = TestOrganizations.create();
        String unique = String.valueOf(1_000_000 + System.nanoTime() % 1_000_000);
        long person = ((Number) Api.asAdmin().body(Map.of("familyName", "王", "givenName", "小明" + unique,
                        "email", "Xiaoming." + unique + "@Example.CN", "phone", "+86 138-0013-" + unique.substring(0, 4),
                        "organization", first, "jobTitle", "采购经理"))
                .post("/api/people").then().statusCode(201)
                .body("name", equalTo("王小明" + unique)).body("easternOrder", equalTo(true))
                .body("email", equalTo("xiaoming." + unique + "@example.cn")).extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("familyName", "Smith", "givenName", "Mary")).post("/api/people").then()
                .statusCode(201).body("name", equalTo("Mary Smith"));

        Api.asAdmin().body(Map.of("organization", second, "jobTitle", "Sales director"))
                .post("/api/people/" + person + "/employment").then().statusCode(200)
                .body("organization", equalTo((int) second)).body("employments", hasSize(2))
                .body("employments.find { it.organization == " + first + " }.until", org.hamcrest.Matchers.notNullValue());
        Api.asAdmin().get("/api/organizations/" + second + "/people").then().body("id", hasItem((int) person));
        Api.asAdmin().queryParam("q", "小明" + unique).get("/api/search").then()
                .body("items.findAll { it.type == 'person' }.id", hasItem((int) person));
    }

    @Test
    void interactionsParticipationsAndTicketsBuildTheOrganizationsHistory() {
        TestUser staff = TestUsers.staff();
        long org = TestOrganizations.create();
        long exhibition = TestExhibitions.june2027();
        long person = ((Number) Api.asAdmin().body(Map.of("familyName", "Li", "givenName", "Lei", "organization", org))
                .post("/api/people").then().statusCode(201).extract().path("id")).longValue();

        Api.as(staff.token()).body(Map.of("party", "person:" + person, "kind", "call", "summary", "Wants a corner booth",
                        "followUpOn", "2027-01-10"))
                .post("/api/interactions").then().statusCode(201)
                .body("organization", equalTo((int) org)).body("staff", equalTo((int) staff.id()));
        Api.asAdmin().get("/api/organizations/" + org + "/interactions").then().body("summary", contains("Wants a corner booth"));

        for (int i = 0; i < 2; i++) {
            Api.asAdmin().body(Map.of("exhibition", exhibition, "party", "organization:" + org, "role", "exhibitor"))
                    .post("/api/participations").then().statusCode(201);
        }
        Api.asAdmin().get("/api/organizations/" + org + "/participations").then().body("role", contains("EXHIBITOR"));

        JsonPath ticket = Api.asAdmin().body(Map.of("party", "organization:" + org, "exhibition", exhibition,
                        "kind", "complaint", "summary", "Booth power failed on day 2"))
                .post("/api/tickets").then().statusCode(201).body("status", equalTo("NEW"))
                .body("priority", equalTo("NORMAL")).extract().jsonPath();
        long id = ticket.getLong("id");
        Duration sla = Duration.between(Instant.parse(ticket.getString("createdAt")), Instant.parse(ticket.getString("slaDueAt")));
        assertThat(sla).isEqualTo(Duration.ofDays(2));

        Api.asAdmin().body(Map.of("status", "RESOLVED")).post("/api/tickets/" + id + "/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("resolution"));
        Api.asAdmin().get("/api/tickets/" + id).then().body("ticket.status", equalTo("NEW"));
        Api.asAdmin().body(Map.of("status", "IN_PROGRESS", "assignee", staff.username())).post("/api/tickets/" + id + "/changes")
                .then().statusCode(200).body("assignee", equalTo((int) staff.id()));
        Api.asAdmin().body(Map.of("status", "RESOLVED", "resolution", "Replaced the breaker"))
                .post("/api/tickets/" + id + "/changes").then().statusCode(200);
        Api.asAdmin().body(Map.of("status", "WAITING")).post("/api/tickets/" + id + "/changes").then().statusCode(409)
                .body("allowed", containsInAnyOrder("IN_PROGRESS", "CLOSED"));
        Api.asAdmin().get("/api/tickets/" + id).then().body("history.action", hasItem("CREATE"))
                .body("history.changes", hasItem(containsString("RESOLVED")));
        Api.asAdmin().get("/api/organizations/" + org + "/tickets").then().body("id", contains((int) id));
        Api.asAdmin().body(Map.of("status", "CLOSED")).post("/api/tickets/" + id + "/changes").then().statusCode(200);
        Api.asAdmin().body(Map.of("assignee", "admin")).post("/api/tickets/" + id + "/changes").then().statusCode(409);
    }

    @Test
    void badRecordsAreRefusedFieldByField() {
        Api.asAdmin().body(Map.of("name", "", "country", "CHN", "email", "not-mail", "website", "http://"))
                .post("/api/organizations").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "country", "email", "website"));
        Api.asAdmin().body(Map.of("familyName", "X", "organization", 987654321)).post("/api/people").then()
                .statusCode(400).body("errors[0].field", equalTo("organization"));
        Api.asAdmin().body(Map.of("party", "company:1", "kind", "call", "summary", "x")).post("/api/interactions")
                .then().statusCode(400).body("errors[0].field", equalTo("party"));
        Api.asAdmin().body(Map.of("party", "organization:987654321", "kind", "call", "summary", "x"))
                .post("/api/interactions").then().statusCode(400).body("errors[0].field", equalTo("party"));
    }

    @Test
    void anExhibitorSeesItsOwnOrganizationAndPeopleAndNothingElse() {
        long own = TestOrganizations.create();
        long other = TestOrganizations.create();
        long colleague = ((Number) Api.asAdmin().body(Map.of("familyName", "Own", "organization", own))
                .post("/api/people").then().statusCode(201).extract().path("id")).longValue();
        long stranger = ((Number) Api.asAdmin().body(Map.of("familyName", "Other", "organization", other))
                .post("/api/people").then().statusCode(201).extract().path("id")).longValue();
        String exhibitor = TestUsers.exhibitor(own).token();

        Api.asAdmin().body(Map.of("name", "Mine " + System.nanoTime(), "notes", "late payer, do not extend credit"))
                .post("/api/organizations").then().statusCode(201);
        Api.as(exhibitor).get("/api/organizations/" + own).then().statusCode(200)
                .body("notes", org.hamcrest.Matchers.nullValue()).body("owner", org.hamcrest.Matchers.nullValue());
        long loner = ((Number) Api.asAdmin().body(Map.of("familyName", "Loner")).post("/api/people").then()
                .statusCode(201).extract().path("id")).longValue();
        Api.as(exhibitor).get("/api/people/" + loner).then().statusCode(404);
        Api.as(exhibitor).get("/api/organizations/" + own + "/people").then().statusCode(200).body("id", contains((int) colleague));
        Api.as(exhibitor).get("/api/people/" + colleague).then().statusCode(200);

        Api.as(exhibitor).get("/api/organizations/" + other).then().statusCode(404).contentType("application/problem+json");
        Api.as(exhibitor).get("/api/organizations/" + other + "/people").then().statusCode(404);
        Api.as(exhibitor).get("/api/people/" + stranger).then().statusCode(404);
        Api.as(exhibitor).get("/api/people/987654321").then().statusCode(404);
        Api.as(exhibitor).get("/api/organizations").then().statusCode(403);
        Api.as(exhibitor).queryParam("q", "Other").get("/api/search").then().statusCode(403);
        Api.as(exhibitor).get("/api/organizations/" + own + "/interactions").then().statusCode(403);
        Api.as(exhibitor).body(Map.of("name", "Mine now")).post("/api/organizations").then().statusCode(403);
    }

    @Test
    void screeningRecordsTheVerdictTheReasonAndWhoDecided() {
        long org = TestOrganizations.create();
        Api.asAdmin().body(Map.of("status", "REJECTED")).post("/api/organizations/" + org + "/screening").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        Api.asAdmin().body(Map.of("status", "REJECTED", "reason", "Licence expired"))
                .post("/api/organizations/" + org + "/screening").then().statusCode(200)
                .body("verification", equalTo("REJECTED")).body("verifiedBy", equalTo("admin"))
                .body("verificationReason", equalTo("Licence expired"));
        Api.asAdmin().queryParam("verification", "rejected").get("/api/organizations").then()
                .body("items.id", hasItem((int) org));
    }
}
