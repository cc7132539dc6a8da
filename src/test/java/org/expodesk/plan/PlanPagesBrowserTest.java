package org.expodesk.plan;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Browser;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The control loop through the pages, three people in three browsers: a manager plans and
 * confirms, an owner does the work, a checker checks it, once rejecting it.
 */
@QuarkusTest
class PlanPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void planAssignDoCheckRejectCheckAndConfirmInTheBrowser() {
        TestUser manager = TestUsers.staff();
        TestUser owner = TestUsers.staff();
        TestUser checker = TestUsers.staff();
        String code = "BR" + System.nanoTime() % 1_000_000;
        try (BrowserContext managerBrowser = Browser.newContext("en-GB");
             BrowserContext ownerBrowser = Browser.newContext("en-GB");
             BrowserContext checkerBrowser = Browser.newContext("zh-CN")) {
            Page m = Browser.signIn(managerBrowser, base.toString(), manager.username(), manager.password());
            m.navigate(base + "exhibitions");
            m.locator("#f-name").fill("Browser Expo " + code);
            m.locator("#f-code").fill(code);
            m.locator("#f-venue").fill("Hall 1");
            m.locator("#f-city").fill("Guangzhou");
            m.locator("#f-opensOn").fill("2027-10-11");
            m.locator("#f-closesOn").fill("2027-10-14");
            m.locator("form[action='/exhibitions'] button[type=submit]").click();
            assertThat(m.locator("h1")).hasText("Browser Expo " + code);
            assertThat(m.getByTestId("lane-PREPARATION")).isVisible();

            m.locator("#f-stage").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Preparation"));
            m.locator("#f-title").fill("Sign 300 exhibitors");
            m.locator("#f-durationDays").fill("20");
            m.locator("#f-owner").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Test " + owner.username()));
            m.locator("#f-checker").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Test " + checker.username()));
            m.locator("#f-criteria").fill("At least 300 exhibitors contracted\nDeposits received");
            m.locator("#new-task button[type=submit]").click();
            assertThat(m.getByTestId("lane-PREPARATION")).containsText("Sign 300 exhibitors");

            m.getByTestId("lane-PREPARATION").getByText("Sign 300 exhibitors").click();
            String taskUrl = m.url();
            m.getByTestId("action-assign").click();
            assertThat(m.getByTestId("task-state")).hasText("Assigned");
            assertThat(m.getByTestId("task-owner")).hasText("Test " + owner.username());

            Page o = Browser.signIn(ownerBrowser, base.toString(), owner.username(), owner.password());
            o.navigate(taskUrl);
            o.getByTestId("action-start").click();
            assertThat(o.getByTestId("task-state")).hasText("In progress");
            o.getByTestId("action-submit").click();
            assertThat(o.getByTestId("task-state")).hasText("Submitted");
            assertThat(o.getByTestId("check-form")).hasCount(0);

            // the checker, in Chinese, finds one criterion not met: the task goes back
            Page c = Browser.signIn(checkerBrowser, base.toString(), checker.username(), checker.password());
            c.navigate(taskUrl);
            c.locator("fieldset.criterion").nth(0).locator("input[value=pass]").check();
            c.locator("fieldset.criterion").nth(1).locator("input[value=fail]").check();
            c.locator("fieldset.criterion").nth(1).locator("input[type=text]").fill("Two deposits missing");
            c.getByTestId("action-check").click();
            assertThat(c.getByTestId("task-state")).hasText("进行中");
            assertThat(c.getByTestId("task-history")).containsText("Two deposits missing");
            assertThat(c.getByTestId("task-history")).containsText("退回");

            o.reload();
            o.getByTestId("action-submit").click();
            c.reload();
            c.locator("fieldset.criterion").nth(0).locator("input[value=pass]").check();
            c.locator("fieldset.criterion").nth(1).locator("input[value=pass]").check();
            c.getByTestId("action-check").click();
            assertThat(c.getByTestId("task-state")).hasText("已检查");

            // four eyes: the owner has no confirm button, and a forged confirm is refused
            o.reload();
            assertThat(o.getByTestId("action-confirm")).hasCount(0);
            String csrf = o.locator("input[name=_csrf]").first().getAttribute("value");
            var forged = ownerBrowser.request().post(taskUrl + "/move", RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", csrf).set("action", "confirm")));
            org.assertj.core.api.Assertions.assertThat(forged.status()).isEqualTo(403);
            org.assertj.core.api.Assertions.assertThat(forged.text()).contains("Four eyes");

            m.reload();
            m.getByTestId("action-confirm").click();
            assertThat(m.getByTestId("task-state")).hasText("Confirmed");
            assertThat(m.getByTestId("no-actions")).isVisible();
            assertThat(m.getByTestId("task-history").locator("tbody tr")).hasCount(7);
        }
    }

    @Test
    void theStageGateShowsWhatBlocksIt() {
        TestUser manager = TestUsers.staff();
        long exhibition = org.expodesk.exhibition.TestExhibitions.june2027();
        org.expodesk.testing.Api.asAdmin().body(java.util.Map.of("stage", "INITIATION", "title", "Market study",
                "durationDays", 10)).post("/api/exhibitions/" + exhibition + "/tasks").then().statusCode(201);
        try (BrowserContext context = Browser.newContext("en-GB")) {
            Page m = Browser.signIn(context, base.toString(), manager.username(), manager.password());
            m.navigate(base + "exhibitions/" + exhibition);
            m.getByTestId("close-INITIATION").click();
            assertThat(m.getByTestId("board-refusal")).containsText("Market study");
        }
    }
}
