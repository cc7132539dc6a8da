package org.expodesk.followup.survey;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Browser;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A visitor answers in Chinese in a real browser; staff then see it in the edition's results. */
@QuarkusTest
class SurveyBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aVisitorAnswersInChineseAndStaffSeeTheNpsAndTheComment() {
        long exhibition = TestExhibitions.june2027();
        long person = TestSurveys.participant(exhibition, TestOrganizations.create(), "visitor");
        String link = TestSurveys.link(exhibition, person);
        String comment = "展馆很好，但停车太难了 " + System.nanoTime() % 100_000;
        TestUser staff = TestUsers.staff();
        try (BrowserContext visitorBrowser = Browser.newContext("en-GB");
             BrowserContext staffBrowser = Browser.newContext("en-GB")) {
            Page visitor = visitorBrowser.newPage();
            visitor.navigate(base + link.substring(1) + "?lang=zh-CN");
            assertThat(visitor.locator("h1")).hasText("您对本届展会满意吗？");
            visitor.getByTestId("survey-submit").click();
            assertThat(visitor.getByTestId("error-nps")).hasText("此项为必填项。");

            visitor.getByTestId("nps-9").check();
            visitor.getByTestId("score-venue-5").check();
            visitor.getByTestId("score-services-2").check();
            visitor.getByTestId("survey-comment").fill(comment);
            visitor.getByTestId("survey-submit").click();
            assertThat(visitor.getByTestId("survey-thanks")).containsText("您的回答已保存");
            visitor.navigate(base + link.substring(1));
            assertThat(visitor.getByTestId("survey-link-answered")).isVisible();

            Page results = Browser.signIn(staffBrowser, base.toString(), staff.username(), staff.password());
            results.navigate(base + "exhibitions/" + exhibition);
            results.getByTestId("survey-link").click();
            assertThat(results.locator("h1")).hasText("Satisfaction survey");
            assertThat(results.getByTestId("survey-nps")).hasText("100.0");
            assertThat(results.getByTestId("survey-answers")).hasText("1");
            assertThat(results.getByTestId("average-venue")).containsText("5.00");
            assertThat(results.getByTestId("survey-comments")).containsText(comment);
        }
    }
}
