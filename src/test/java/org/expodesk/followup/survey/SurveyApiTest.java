package org.expodesk.followup.survey;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SurveyApiTest {

    @Inject
    Surveys surveys;

    @Test
    void npsAndAveragesOfAKnownSetOfAnswersSplitByExhibitorsAndVisitors() {
        long exhibition = TestExhibitions.june2027();
        long exhibitor = TestOrganizations.create();
        long buyerCompany = TestOrganizations.create();
        Map<String, Long> aspects = TestSurveys.aspects(exhibition);
        // three promoters, one passive, two detractors: (3 - 2) / 6 = 16.7 points
        int[] nps = {10, 9, 9, 8, 6, 0};
        String[] venue = {"5", "4", "4", "3", "2", ""};
        long[] people = new long[nps.length];
        for (int i = 0; i < nps.length; i++) {
            people[i] = i < 2 ? TestSurveys.participant(exhibition, exhibitor, "exhibitor_staff")
                    : TestSurveys.participant(exhibition, buyerCompany, "buyer");
            Map<String, String> form = new HashMap<>(Map.of("nps", String.valueOf(nps[i]),
                    "score-" + aspects.get("venue"), venue[i], "score-" + aspects.get("organization"), "4"));
            if (i == 4) {
                form.put("comment", "Too few buyers from Europe");
            }
            TestSurveys.answer(TestSurveys.link(exhibition, people[i]), form).then().statusCode(303);
        }
        TestSurveys.link(exhibition, TestSurveys.participant(exhibition, buyerCompany, "visitor"));
        TestSurveys.link(exhibition, TestSurveys.participant(exhibition, buyerCompany, "visitor"));

        JsonPath results = Api.asAdmin().get("/api/exhibitions/" + exhibition + "/survey/results").then()
                .statusCode(200).extract().jsonPath();
        assertThat(results.getInt("all.invitations")).isEqualTo(8);
        assertThat(results.getInt("all.answers")).isEqualTo(6);
        assertThat(results.getDouble("all.responseRate")).isEqualTo(75.0);
        assertThat(results.getInt("all.promoters")).isEqualTo(3);
        assertThat(results.getInt("all.passives")).isEqualTo(1);
        assertThat(results.getInt("all.detractors")).isEqualTo(2);
        assertThat(results.getDouble("all.nps")).isEqualTo(16.7);
        // venue: 5 + 4 + 4 + 3 + 2 over the five who scored it; one skipped it
        assertThat(results.getDouble("all.aspects.find { it.code == 'venue' }.average")).isEqualTo(3.6);
        assertThat(results.getInt("all.aspects.find { it.code == 'venue' }.scores")).isEqualTo(5);
        assertThat(results.getDouble("all.aspects.find { it.code == 'organization' }.average")).isEqualTo(4.0);
        assertThat(results.getString("all.aspects.find { it.code == 'services' }.average")).isNull();
        // exhibitors: two promoters → 100; visitors: 9, 8, 6, 0 → (1 - 2) / 4 = -25
        assertThat(results.getDouble("bySide.exhibitors.nps")).isEqualTo(100.0);
        assertThat(results.getInt("bySide.exhibitors.invitations")).isEqualTo(2);
        assertThat(results.getDouble("bySide.visitors.nps")).isEqualTo(-25.0);
        assertThat(results.getDouble("bySide.visitors.responseRate")).isEqualTo(66.7);
        assertThat(results.getDouble("bySide.visitors.aspects.find { it.code == 'venue' }.average")).isEqualTo(3.0);
        assertThat(results.getString("bySide.others.nps")).isNull();
        assertThat(results.getList("comments.text")).containsExactly("Too few buyers from Europe");
        assertThat(results.getInt("comments[0].nps")).isEqualTo(6);
        assertThat(results.getString("comments[0].role")).isEqualTo("BUYER");
    }

    @Test
    void answersAreStoredPerPersonAndOrganizationForCustomerValueScoring() {
        long exhibition = TestExhibitions.june2027();
        long company = TestOrganizations.create();
        long person = TestSurveys.participant(exhibition, company, "exhibitor_staff");
        long colleague = TestSurveys.participant(exhibition, company, "exhibitor_staff");
        Map<String, Long> aspects = TestSurveys.aspects(exhibition);
        TestSurveys.answer(TestSurveys.link(exhibition, person), Map.of("nps", "9",
                "score-" + aspects.get("visitors"), "5", "comment", "Great buyers")).then().statusCode(303);
        TestSurveys.answer(TestSurveys.link(exhibition, colleague), Map.of("nps", "3")).then().statusCode(303);

        List<Surveys.AnswerView> own = surveys.answersOf(person);
        assertThat(own).hasSize(1);
        assertThat(own.get(0).exhibitionId()).isEqualTo(exhibition);
        assertThat(own.get(0).organizationId()).isEqualTo(company);
        assertThat(own.get(0).role().name()).isEqualTo("EXHIBITOR_STAFF");
        assertThat(own.get(0).nps()).isEqualTo(9);
        assertThat(own.get(0).scores()).containsExactly(Map.entry("visitors", 5));
        assertThat(own.get(0).comment()).isEqualTo("Great buyers");
        assertThat(own.get(0).language()).isEqualTo("en");
        assertThat(surveys.ofOrganization(company)).extracting(Surveys.AnswerView::personId)
                .containsExactlyInAnyOrder(person, colleague);
    }

    @Test
    void anErasedPersonLosesTheirCommentButTheirScoresStillCountAndTheirUnusedLinkStopsWorking() {
        long exhibition = TestExhibitions.june2027();
        long answered = TestSurveys.participant(exhibition, null, "visitor");
        long notYet = TestSurveys.participant(exhibition, null, "visitor");
        TestSurveys.answer(TestSurveys.link(exhibition, answered), Map.of("nps", "10", "comment", "Ask for Li Wei"))
                .then().statusCode(303);
        String unused = TestSurveys.link(exhibition, notYet);
        for (long person : new long[] {answered, notYet}) {
            Api.asAdmin().body(Map.of("reason", "Asked by e-mail")).post("/api/people/" + person + "/erase").then()
                    .statusCode(200);
        }

        assertThat(surveys.answersOf(answered)).singleElement().satisfies(a -> {
            assertThat(a.comment()).isNull();
            assertThat(a.nps()).isEqualTo(10);
        });
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/survey/results").then().statusCode(200)
                .body("all.nps", equalTo(100.0f)).body("all.invitations", equalTo(1)).body("comments", hasSize(0));
        given().get(unused).then().statusCode(404);
    }

    @Test
    void aPersonWhoseOrganizationExhibitsIsInvitedAsExhibitorAndSomeoneWithoutAPartIsRefused() {
        long exhibition = TestExhibitions.june2027();
        long company = TestOrganizations.create();
        Api.asAdmin().body(Map.of("exhibition", exhibition, "party", "organization:" + company, "role", "exhibitor"))
                .post("/api/participations").then().statusCode(201);
        long staffOfExhibitor = ((Number) Api.asAdmin().body(Map.of("familyName", "Exhibiting" + System.nanoTime(),
                "organization", company)).post("/api/people").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("personId", staffOfExhibitor))
                .post("/api/exhibitions/" + exhibition + "/survey/invitations").then().statusCode(201)
                .body("role", equalTo("EXHIBITOR")).body("personId", equalTo((int) staffOfExhibitor))
                .body("link", startsWith("/survey/"));

        long elsewhere = TestSurveys.participant(TestExhibitions.june2027(), null, "visitor");
        Api.asAdmin().body(Map.of("personId", elsewhere))
                .post("/api/exhibitions/" + exhibition + "/survey/invitations").then().statusCode(400)
                .body("errors[0].field", equalTo("personId"));
        Api.asAdmin().body(Map.of()).post("/api/exhibitions/" + exhibition + "/survey/invitations").then()
                .statusCode(400).body("errors[0].field", equalTo("personId"));
        Api.asAdmin().body(Map.of("personId", staffOfExhibitor)).post("/api/exhibitions/999999999/survey/invitations")
                .then().statusCode(404);
    }

    @Test
    void staffConfigureTheAspectsWithOptimisticLockingAndAnAnsweredAspectCanOnlyBeDeactivated() {
        long exhibition = TestExhibitions.june2027();
        String path = "/api/exhibitions/" + exhibition + "/survey";
        JsonPath config = Api.as(TestUsers.staff().token()).get(path).then().statusCode(200)
                .body("open", equalTo(true)).body("aspects", hasSize(4)).extract().jsonPath();
        assertThat(config.getList("aspects.code")).containsExactly("organization", "visitors", "venue", "services");
        assertThat(config.getString("aspects[1].labelZh")).isEqualTo("观众质量");
        long version = config.getLong("version");
        List<Map<String, Object>> aspects = config.getList("aspects");

        // rename the venue, drop services, add catering; stays open
        List<Map<String, Object>> changed = List.of(
                aspect(aspects.get(0)), aspect(aspects.get(1)),
                Map.of("id", aspects.get(2).get("id"), "labelEn", "Venue and halls", "labelZh", "场馆与展厅"),
                Map.of("labelEn", "Catering", "labelZh", "餐饮"));
        JsonPath saved = Api.asAdmin().body(Map.of("version", version, "open", true, "aspects", changed)).put(path)
                .then().statusCode(200).extract().jsonPath();
        assertThat(saved.getList("aspects.labelEn")).containsExactly("Organization of the show",
                "Quality of the visitors", "Venue and halls", "Catering");
        assertThat(saved.getLong("version")).isGreaterThan(version);

        Api.asAdmin().body(Map.of("version", version, "open", false, "aspects", changed)).put(path).then()
                .statusCode(409);
        Api.asAdmin().body(Map.of("open", false, "aspects", changed)).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
        Api.asAdmin().body(Map.of("version", saved.getLong("version"), "aspects",
                        List.of(Map.of("labelEn", "", "labelZh", "空")))).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("aspects[0].labelEn"));

        long person = TestSurveys.participant(exhibition, null, "visitor");
        long catering = saved.getLong("aspects.find { it.code == 'a5' }.id");
        TestSurveys.answer(TestSurveys.link(exhibition, person), Map.of("nps", "7", "score-" + catering, "2"))
                .then().statusCode(303);
        JsonPath answered = Api.asAdmin().get(path).then().statusCode(200)
                .body("aspects.find { it.code == 'a5' }.answered", equalTo(true)).extract().jsonPath();
        List<Map<String, Object>> withoutCatering = answered.getList("aspects", Map.class).stream()
                .filter(a -> !"a5".equals(a.get("code"))).map(a -> aspect((Map<String, Object>) a)).toList();
        Api.asAdmin().body(Map.of("version", answered.getLong("version"), "aspects", withoutCatering)).put(path)
                .then().statusCode(409);
        List<Map<String, Object>> cateringOff = answered.getList("aspects", Map.class).stream()
                .map(a -> "a5".equals(a.get("code")) ? Map.<String, Object>of("id", a.get("id"), "labelEn", "Catering",
                        "labelZh", "餐饮", "active", false) : aspect((Map<String, Object>) a)).toList();
        Api.asAdmin().body(Map.of("version", answered.getLong("version"), "open", false, "aspects", cateringOff))
                .put(path).then().statusCode(200).body("open", equalTo(false))
                .body("aspects.find { it.code == 'a5' }.active", equalTo(false));
        // the score given stays in the results though the aspect is no longer asked
        Api.asAdmin().get(path + "/results").then().statusCode(200)
                .body("all.aspects.find { it.code == 'a5' }.average", equalTo(2.0f));
    }

    @Test
    void onlyStaffReachTheSurveyApi() {
        long exhibition = TestExhibitions.june2027();
        long company = TestOrganizations.create();
        long person = TestSurveys.participant(exhibition, company, "exhibitor_staff");
        String exhibitor = TestUsers.exhibitor(company).token();
        String path = "/api/exhibitions/" + exhibition + "/survey";
        Api.as(exhibitor).get(path).then().statusCode(403);
        Api.as(exhibitor).body(Map.of("version", 0, "aspects", List.of())).put(path).then().statusCode(403);
        Api.as(exhibitor).get(path + "/results").then().statusCode(403);
        Api.as(exhibitor).body(Map.of("personId", person)).post(path + "/invitations").then().statusCode(403);
        given().get(path).then().statusCode(401);
        given().contentType("application/json").body(Map.of("version", 0)).put(path).then().statusCode(401);
        given().get(path + "/results").then().statusCode(401);
        given().contentType("application/json").body(Map.of("personId", person)).post(path + "/invitations").then()
                .statusCode(401);
        Api.as(TestUsers.staff().token()).get(path + "/results").then().statusCode(200);
    }

    private static Map<String, Object> aspect(Map<String, Object> a) {
        return Map.of("id", a.get("id"), "labelEn", a.get("labelEn"), "labelZh", a.get("labelZh"), "active",
                a.get("active"));
    }
}
