package org.expodesk.checkin;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.badge.Badges;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two lanes of one gate: their tablets connect while the server answers, and once it does not,
 * a badge let in at one lane is already in at the other (ADR 0014).
 */
@QuarkusTest
class GatePeersBrowserTest {

    /** Finding each other takes a few rounds of the pages' 4 s polling. */
    private static final LocatorAssertions.HasTextOptions CONNECTING = new LocatorAssertions.HasTextOptions()
            .setTimeout(45_000);
    private static final LocatorAssertions.HasTextOptions UPLOADING = new LocatorAssertions.HasTextOptions()
            .setTimeout(30_000);

    @TestHTTPResource("/")
    URL base;

    /** Two pages share one browser: the lane's code field gets the focus before its scanner types. */
    private static void scan(Page page, String code) {
        page.locator("#scan-code").focus();
        CheckinPageBrowserTest.scan(page, code);
    }

    @Test
    void offlineABadgeLetInAtOneLaneIsAlreadyInAtTheOther() {
        long exhibition = TestExhibitions.june2027();
        Badges.Issued wang = TestCheckins.badgeValidToday(exhibition, "Wang Fang", "Lakeside Foods");
        Badges.Issued ines = TestCheckins.badgeValidToday(exhibition, "Inès Moreau", null);
        try (BrowserContext laneOne = Browser.newContext("en-GB");
             BrowserContext laneTwo = Browser.newContext("en-GB")) {
            Page one = CheckinPageBrowserTest.activated(laneOne, base, exhibition, "Lane one");
            Page two = CheckinPageBrowserTest.activated(laneTwo, base, exhibition, "Lane two");
            assertThat(one.getByTestId("peers")).hasText("Same-gate devices: 1", CONNECTING);
            assertThat(two.getByTestId("peers")).hasText("Same-gate devices: 1", CONNECTING);

            laneOne.setOffline(true);
            laneTwo.setOffline(true);
            scan(one, wang.badge().code);
            assertThat(one.getByTestId("result")).hasAttribute("data-result", "ADMITTED");
            assertThat(one.getByTestId("result-offline")).isVisible();
            scan(two, wang.badge().code);
            assertThat(two.getByTestId("result")).hasAttribute("data-result", "ALREADY_ADMITTED");
            assertThat(two.getByTestId("result-offline")).isVisible();
            assertThat(two.getByTestId("result-detail")).containsText("Admitted at main");

            // and the other way round
            scan(two, ines.badge().code);
            assertThat(two.getByTestId("result")).hasAttribute("data-result", "ADMITTED");
            scan(one, ines.badge().code);
            assertThat(one.getByTestId("result")).hasAttribute("data-result", "ALREADY_ADMITTED");
            assertThat(one.getByTestId("connection")).hasText("OFFLINE");
            assertThat(one.getByTestId("count-queued")).hasText("2");
            assertThat(two.getByTestId("count-queued")).hasText("2");

            laneOne.setOffline(false);
            laneTwo.setOffline(false);
            assertThat(one.getByTestId("count-queued")).hasText("0", UPLOADING);
            assertThat(two.getByTestId("count-queued")).hasText("0", UPLOADING);
        }
        // each badge in once, and the server agrees with both lanes: nothing for staff to sort out
        assertThat(CheckinTestData.scansOf(wang.badge().id)).isEqualTo(2);
        assertThat(CheckinTestData.admissionsOf(wang.badge().id)).isEqualTo(1);
        assertThat(CheckinTestData.admissionsOf(ines.badge().id)).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> CheckinConflict.count("exhibitionId", exhibition)))
                .isZero();
    }
}
