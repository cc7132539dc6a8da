package org.expodesk.followup.survey;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/** The public survey page behind a link, and the staff page, without JavaScript. */
@QuarkusTest
class SurveyPageTest {

    @Inject
    Surveys surveys;

    @Test
    void aLinkTakesOneAnswerAndThenSaysItWasUsed() {
        long exhibition = TestExhibitions.june2027();
        long person = TestSurveys.participant(exhibition, null, "visitor");
        String link = TestSurveys.link(exhibition, person);
        BrowserSession visitor = new BrowserSession();
        String form = visitor.get(link).then().statusCode(200).extract().asString();
        assertThat(form).contains("How likely are you to recommend", "Quality of the visitors", "name=\"_csrf\"");

        Response sent = visitor.post(link, Map.of("nps", "9", "comment", "Well run"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith("/survey/thanks");
        assertThat(visitor.get("/survey/thanks").asString()).contains("Your answers have been saved");

        Response again = visitor.post(link, Map.of("nps", "0", "comment", "Changed my mind"));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.asString()).contains("data-testid=\"survey-link-answered\"");
        visitor.get(link).then().statusCode(410);
        assertThat(surveys.answersOf(person)).singleElement()
                .satisfies(a -> assertThat(a.comment()).isEqualTo("Well run"));

        Api.asAdmin().body(Map.of("personId", person)).post("/api/exhibitions/" + exhibition + "/survey/invitations")
                .then().statusCode(409);
    }

    @Test
    void twoSubmitsOfOneLinkAtOnceStoreOneAnswer() throws Exception {
        long exhibition = TestExhibitions.june2027();
        long person = TestSurveys.participant(exhibition, null, "buyer");
        String link = TestSurveys.link(exhibition, person);
        BrowserSession visitor = new BrowserSession();
        visitor.get(link).then().statusCode(200);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> submits = new ArrayList<>();
            for (String nps : List.of("10", "2")) {
                Callable<Integer> submit = () -> {
                    start.await();
                    return visitor.post(link, Map.of("nps", nps)).statusCode();
                };
                submits.add(pool.submit(submit));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : submits) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(303, 410);
        } finally {
            pool.shutdownNow();
        }
        assertThat(surveys.answersOf(person)).hasSize(1);
    }

    @Test
    void anExpiredLinkIsGoneAndAnUnknownOrReplacedOneIsNotFound() {
        long exhibition = TestExhibitions.june2027();
        long person = TestSurveys.participant(exhibition, null, "visitor");
        String first = TestSurveys.link(exhibition, person);
        String second = TestSurveys.link(exhibition, person);
        // issuing again replaces the unused link: the first one no longer works
        Response replaced = new BrowserSession().get(first);
        assertThat(replaced.statusCode()).isEqualTo(404);
        assertThat(replaced.asString()).contains("data-testid=\"survey-link-unknown\"");
        new BrowserSession().get("/survey/" + "A".repeat(43)).then().statusCode(404);
        new BrowserSession().get("/survey/not-a-token").then().statusCode(404);

        BrowserSession visitor = new BrowserSession();
        visitor.get(second).then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> SurveyInvitation.update("expiresAt = ?1 where personId = ?2",
                Instant.now().minus(1, ChronoUnit.MINUTES), person));
        Response expired = visitor.post(second, Map.of("nps", "8"));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.asString()).contains("data-testid=\"survey-link-expired\"", "This survey link has expired");
        new BrowserSession().get(second).then().statusCode(410);
        assertThat(surveys.answersOf(person)).isEmpty();
    }

    @Test
    void aClientThatTriesManyUnknownLinksWaitsWhileOthersGoOn() {
        long exhibition = TestExhibitions.june2027();
        String link = TestSurveys.link(exhibition, TestSurveys.participant(exhibition, null, "visitor"));
        String address = "198.51.100." + (1 + System.nanoTime() % 250);
        BrowserSession guesser = new BrowserSession().header("X-Forwarded-For", address);
        for (int i = 0; i < 20; i++) {
            guesser.get("/survey/guess" + i).then().statusCode(404);
        }
        Response blocked = guesser.get(link);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.asString()).contains("data-testid=\"survey-link-blocked\"");
        new BrowserSession().header("X-Forwarded-For", "203.0.113.9").get(link).then().statusCode(200);
    }

    @Test
    void invalidInputReRendersTheFormWithFieldErrorsKeepsWhatWasTypedAndStoresNothing() {
        long exhibition = TestExhibitions.june2027();
        long person = TestSurveys.participant(exhibition, null, "professional_visitor");
        Map<String, Long> aspects = TestSurveys.aspects(exhibition);
        String venue = "score-" + aspects.get("venue");
        String link = TestSurveys.link(exhibition, person);
        BrowserSession visitor = new BrowserSession();
        visitor.get(link).then().statusCode(200);

        Response outOfRange = visitor.post(link, Map.of("nps", "11", venue, "0", "comment", "Halls were too cold"));
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.asString()).contains("data-testid=\"error-nps\"", "Choose a number from 0 to 10.",
                "data-testid=\"error-score-venue\"", "Choose a score from 1 to 5.", "Halls were too cold");

        Response missing = visitor.post(link, Map.of(venue, "4", "comment", "Halls were too cold"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.asString()).contains("data-testid=\"error-nps\"", "This field is required.",
                "value=\"4\" data-testid=\"score-venue-4\" checked");

        Response tooLong = visitor.post(link, Map.of("nps", "7", "comment", "x".repeat(4001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.asString()).contains("data-testid=\"error-comment\"");
        assertThat(surveys.answersOf(person)).isEmpty();

        String longest = "展".repeat(4000);
        visitor.post(link, Map.of("nps", "7", venue, "4", "comment", longest)).then().statusCode(303);
        assertThat(surveys.answersOf(person)).singleElement().satisfies(a -> {
            assertThat(a.scores()).containsExactly(Map.entry("venue", 4));
            assertThat(a.comment()).isEqualTo(longest);
        });
    }

    @Test
    void theLinksLanguageOrTheBrowsersDecidesAndTheAnswerRemembersIt() {
        long exhibition = TestExhibitions.june2027();
        long person = TestSurveys.participant(exhibition, null, "visitor");
        String link = TestSurveys.link(exhibition, person);

        BrowserSession browserInChinese = new BrowserSession().header("Accept-Language", "zh-CN,zh;q=0.9");
        assertThat(browserInChinese.get(link).asString()).contains("您有多大可能向同事或商业伙伴推荐本展会");

        BrowserSession visitor = new BrowserSession();
        Response chosen = visitor.get(link + "?lang=zh-CN");
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.header("Location")).endsWith(link);
        assertThat(visitor.get(link).asString()).contains("<html lang=\"zh-CN\"", "观众质量", "无法评价");
        visitor.post(link, Map.of("nps", "10", "comment", "很好")).then().statusCode(303);
        assertThat(surveys.answersOf(person)).singleElement()
                .satisfies(a -> assertThat(a.language()).isEqualTo("zh-CN"));
    }

    @Test
    void aClosedSurveyTakesNoAnswers() {
        long exhibition = TestExhibitions.june2027();
        long person = TestSurveys.participant(exhibition, null, "visitor");
        String link = TestSurveys.link(exhibition, person);
        TestUser staff = TestUsers.staff();
        BrowserSession session = BrowserSession.signedIn(staff.username(), staff.password());
        session.get("/exhibitions/" + exhibition + "/survey").then().statusCode(200);
        session.post("/exhibitions/" + exhibition + "/survey/state", Map.of("open", "false")).then().statusCode(303);

        Response closed = new BrowserSession().get(link);
        assertThat(closed.statusCode()).isEqualTo(410);
        assertThat(closed.asString()).contains("data-testid=\"survey-link-closed\"");

        session.get("/exhibitions/" + exhibition + "/survey");
        session.post("/exhibitions/" + exhibition + "/survey/state", Map.of("open", "true")).then().statusCode(303);
        TestSurveys.answer(link, Map.of("nps", "5")).then().statusCode(303);
    }

    @Test
    void staffWorkOnTheSurveyPageAndDownloadTheAnswers() {
        long exhibition = TestExhibitions.june2027();
        long company = TestOrganizations.create();
        long person = TestSurveys.participant(exhibition, company, "exhibitor_staff");
        Map<String, Long> aspects = TestSurveys.aspects(exhibition);
        TestSurveys.answer(TestSurveys.link(exhibition, person), Map.of("nps", "6",
                "score-" + aspects.get("venue"), "3", "comment", "=HYPERLINK(\"x\")")).then().statusCode(303);
        TestUser staff = TestUsers.staff();
        BrowserSession session = BrowserSession.signedIn(staff.username(), staff.password());
        String page = "/exhibitions/" + exhibition + "/survey";
        assertThat(session.get(page).then().statusCode(200).extract().asString())
                .contains("data-testid=\"survey-nps\">-100.0<", "=HYPERLINK");

        Response empty = session.post(page + "/aspects", Map.of("labelEn", "Catering", "labelZh", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("data-testid=\"error-labelZh\"", "value=\"Catering\"");
        session.post(page + "/aspects", Map.of("labelEn", "Catering", "labelZh", "餐饮")).then().statusCode(303);
        assertThat(session.get(page).asString()).contains("value=\"餐饮\"");

        Response answered = session.post(page + "/aspects/" + aspects.get("venue") + "/remove", Map.of());
        assertThat(answered.statusCode()).isEqualTo(409);
        assertThat(answered.asString()).contains("data-testid=\"survey-refusal\"", "deactivate it instead");
        session.get(page);
        session.post(page + "/aspects/" + aspects.get("services") + "/remove", Map.of()).then().statusCode(303);
        session.get(page);
        session.post(page + "/aspects/" + aspects.get("venue") + "/active", Map.of("active", "false")).then()
                .statusCode(303);
        assertThat(TestSurveys.aspects(exhibition)).doesNotContainKey("services");

        String csv = session.get(page + "/answers.csv").then().statusCode(200).extract().asString();
        assertThat(csv).startsWith("\uFEFF\"answer\",\"answeredAt\",\"person\",\"organization\",\"role\",\"nps\"");
        assertThat(csv).contains("\"" + person + "\",\"" + company + "\",\"EXHIBITOR_STAFF\",\"6\"",
                "\"'=HYPERLINK(\"\"x\"\")\"");
        Api.asAdmin().queryParam("action", "EXPORT").queryParam("entityType", "SurveyAnswer").get("/api/audit").then()
                .statusCode(200).body("items.detail", hasItem(
                        "csv, survey of exhibition " + exhibition + ", rows=1"));
    }

    @Test
    void onlyStaffOpenTheSurveyPage() {
        long exhibition = TestExhibitions.june2027();
        TestUser exhibitor = TestUsers.exhibitor(TestOrganizations.create());
        BrowserSession session = BrowserSession.signedIn(exhibitor.username(), exhibitor.password());
        session.get("/exhibitions/" + exhibition + "/survey").then().statusCode(403);
        session.get("/exhibitions/" + exhibition + "/survey/answers.csv").then().statusCode(403);
        Response anonymous = given().redirects().follow(false).get("/exhibitions/" + exhibition + "/survey");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.header("Location")).contains("/login");
    }
}
