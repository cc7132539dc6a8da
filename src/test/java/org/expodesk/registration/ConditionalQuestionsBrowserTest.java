package org.expodesk.registration;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The public form shows a conditional question only while its condition holds, and a hidden one blocks nothing. */
@QuarkusTest
class ConditionalQuestionsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void answeringTheTriggerShowsTheQuestionAndAHiddenRequiredOneDoesNotBlockTheSubmit() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        long visitor = TestRegistrations.categoryId(exhibition, "VISITOR");
        String questions = "/api/registration-categories/" + visitor + "/questions";
        Api.asAdmin().body(Map.of("code", "importer", "kind", "YES_NO", "labelEn", "Do you import?",
                "labelZh", "您是否进口？", "required", true)).post(questions).then().statusCode(201);
        Api.asAdmin().body(Map.of("code", "volume", "kind", "TEXT", "labelEn", "Yearly import volume",
                        "labelZh", "年进口量", "required", true, "shownIfCode", "importer", "shownIfAnswer", "yes"))
                .post(questions).then().statusCode(201);
        String email = TestRegistrations.uniqueEmail("conditional");
        try (BrowserContext context = Browser.newContext("en")) {
            context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", TestRegistrations.address()));
            Page page = context.newPage();
            page.navigate(base + "register/" + code + "?category=VISITOR");
            assertThat(page.getByTestId("question-importer")).isVisible();
            assertThat(page.getByTestId("question-volume")).isHidden();

            page.getByTestId("answer-importer-yes").check();
            assertThat(page.getByTestId("question-volume")).isVisible();
            page.getByTestId("answer-volume").fill("500 tonnes");

            page.getByTestId("answer-importer-no").check();
            assertThat(page.getByTestId("question-volume")).isHidden();

            page.locator("#f-firstName").fill("Ada");
            page.locator("#f-lastName").fill("Lovelace");
            page.locator("#f-email").fill(email);
            page.getByTestId("consent-terms").check();
            page.getByTestId("registration-submit").click();
            assertThat(page.getByTestId("registration-thanks")).isVisible();
        }
        JsonPath registrations = Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations").then()
                .statusCode(200).extract().jsonPath();
        assertThat(registrations.getMap("[0].answers")).containsEntry("importer", "no").doesNotContainKey("volume");
    }

    @Test
    void aShownConditionalQuestionIsRequiredAgainAfterARefusal() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        long visitor = TestRegistrations.categoryId(exhibition, "VISITOR");
        String questions = "/api/registration-categories/" + visitor + "/questions";
        Api.asAdmin().body(Map.of("code", "press", "kind", "SINGLE_CHOICE", "labelEn", "Are you", "labelZh", "您是",
                "options", "trade|Trade|业内\npress|Press|媒体", "required", true)).post(questions).then().statusCode(201);
        Api.asAdmin().body(Map.of("code", "outlet", "kind", "TEXT", "labelEn", "Your outlet", "labelZh", "媒体名称",
                "required", true, "shownIfCode", "press", "shownIfAnswer", "press")).post(questions).then().statusCode(201);
        try (BrowserContext context = Browser.newContext("en")) {
            context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", TestRegistrations.address()));
            Page page = context.newPage();
            page.navigate(base + "register/" + code + "?category=VISITOR");
            page.getByTestId("answer-press-press").check();
            page.locator("#f-firstName").fill("Nellie");
            page.locator("#f-lastName").fill("Bly");
            page.locator("#f-email").fill(TestRegistrations.uniqueEmail("outlet"));
            page.getByTestId("consent-terms").check();
            page.getByTestId("registration-submit").click();
            // shown and required: refused, and the page comes back with the question still shown
            assertThat(page.getByTestId("error-answers-outlet")).isVisible();
            assertThat(page.getByTestId("question-outlet")).isVisible();
            page.getByTestId("answer-outlet").fill("The World");
            page.getByTestId("registration-submit").click();
            assertThat(page.getByTestId("registration-thanks")).isVisible();
        }
    }
}
