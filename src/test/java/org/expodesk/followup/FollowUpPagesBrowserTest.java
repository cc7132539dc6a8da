package org.expodesk.followup;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Browser;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A rule made in the browser from the exhibition's board: its dry run is seen before it is switched on. */
@QuarkusTest
class FollowUpPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void createARuleSeeWhomItReachesAndSwitchItOn() {
        TestUser staff = TestUsers.staff();
        String u = TestRules.unique();
        long edition = TestRules.edition(null, LocalDate.of(2027, 10, 11), LocalDate.of(2027, 10, 14));
        long organization = TestOrganizations.create("Browser Exhibitor " + u);
        TestRules.exhibit(organization, edition);
        TestRules.people(organization, List.of("a-" + u + "@browser.test", "b-" + u + "@browser.test"), "en");

        try (BrowserContext context = Browser.newContext("en-GB")) {
            Page page = Browser.signIn(context, base.toString(), staff.username(), staff.password());
            page.navigate(base + "exhibitions/" + edition);
            page.getByTestId("followup-link").click();
            assertThat(page.locator("h1")).hasText("Follow-up rules");
            page.getByTestId("new-kind").selectOption("exhibitor-thanks");
            page.getByTestId("new-rule").click();
            assertThat(page.locator("#f-subjectEn")).hasValue("Thank you for exhibiting at {exhibition}");
            page.locator("#f-name").fill("Thanks " + u);
            page.locator("#f-offsetDays").fill("3");
            page.getByTestId("save-rule").click();

            assertThat(page.locator("h1")).hasText("Thanks " + u);
            assertThat(page.getByTestId("dry-run-count")).hasText("2 recipients; a run now would send 2 mails.");
            assertThat(page.getByTestId("dry-run-samples")).containsText("a-" + u + "@browser.test");
            page.getByTestId("enable-rule").click();
            assertThat(page.locator(".flash")).hasText("The rule is on.");
            assertThat(page.getByTestId("disable-rule")).isVisible();
            assertThat(page.getByTestId("run-rule")).isVisible();

            page.navigate(base + "exhibitions/" + edition + "/followup");
            assertThat(page.getByTestId("rules")).containsText("Thanks " + u);
            assertThat(page.getByTestId("rules")).containsText("2027-10-17");
            assertThat(page.getByTestId("rules")).containsText("On");
        }
    }
}
