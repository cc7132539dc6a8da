package org.expodesk.badge;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Browser;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** In a real browser: staff start a batch print and the job's page, polled by htmx, offers the PDF when done. */
@QuarkusTest
class BadgePrintBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theProgressBarTurnsIntoTheDownloadLinkWithoutAReload() {
        long edition = TestExhibitions.june2027();
        long org = TestOrganizations.create("Browser Print " + System.nanoTime() % 1_000_000 + " Ltd");
        for (int i = 0; i < 3; i++) {
            TestBadges.issue(edition, TestBadges.person(org), "Browser Holder " + i, org, "Browser Print Ltd");
        }
        TestUsers.TestUser staff = TestUsers.staff();
        try (BrowserContext context = Browser.newContext("en")) {
            Page page = Browser.signIn(context, base.toString(), staff.username(), staff.password());
            page.navigate(base + "exhibitions/" + edition + "/badges");
            page.getByTestId("print-organization").selectOption(String.valueOf(org));
            page.getByTestId("print-layout").selectOption("LABEL_4X3");
            page.getByTestId("print-start").click();
            assertThat(page.getByTestId("print-total")).hasText("3");
            assertThat(page.getByTestId("print-organization")).hasText("Browser Print Ltd");
            // htmx swaps the progress section until the job is done
            assertThat(page.getByTestId("print-download")).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            assertThat(page.getByTestId("print-progress-value")).hasText("100%");
            Download download = page.waitForDownload(() -> page.getByTestId("print-download").click());
            assertThat(download.suggestedFilename()).endsWith(".pdf");
        }
    }
}
