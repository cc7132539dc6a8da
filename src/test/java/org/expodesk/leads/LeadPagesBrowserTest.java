package org.expodesk.leads;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The booth's scanning page on a phone: a keyboard-like scanner, consent, a forged code, and a scan made offline. */
@QuarkusTest
class LeadPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    /** A hand-held scanner types the code into the focused field and presses Enter. */
    private static void scan(Page page, String code) {
        page.keyboard().insertText(code);
        page.keyboard().press("Enter");
    }

    @Test
    void aScannedBadgeBecomesALeadAndAVisitorWithoutConsentShowsNoName() {
        long exhibition = TestExhibitions.june2027();
        TestLeads.Booth booth = TestLeads.booth(exhibition);
        TestLeads.Visitor sharing = TestLeads.visitor(exhibition, "Wei", true);
        TestLeads.Visitor silent = TestLeads.visitor(exhibition, "Quiet", false);
        TestLeads.Visitor offline = TestLeads.visitor(exhibition, "Later", true);
        List<String> errors = new ArrayList<>();
        try (BrowserContext context = Browser.newContext("en-GB")) {
            context.onConsoleMessage(message -> {
                if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                    errors.add(message.text());
                }
            });
            Page page = Browser.signIn(context, base.toString(), booth.user().username(), booth.user().password());
            page.navigate(base + "portal");
            page.getByTestId("portal-leads").click();
            page.getByTestId("edition-" + exhibition).click();
            page.getByTestId("scan-link").click();
            // the script has taken the form over (before that, Enter posts the form as a plain page would)
            assertThat(page.locator("body[data-ready]")).hasCount(1);
            assertThat(page.locator("#scan-code")).isFocused();

            scan(page, sharing.code());
            assertThat(page.getByTestId("result")).hasAttribute("data-outcome", "CREATED");
            assertThat(page.getByTestId("result-title")).hasText("New lead");
            assertThat(page.getByTestId("result-name")).containsText(sharing.name());
            assertThat(page.getByTestId("result-name")).containsText(sharing.organization());

            scan(page, sharing.code());
            assertThat(page.getByTestId("result")).hasAttribute("data-outcome", "EXISTING");

            scan(page, LeadApiTest.tampered(sharing.code()));
            assertThat(page.getByTestId("result")).hasAttribute("data-outcome", "REFUSED");
            assertThat(page.getByTestId("result-detail")).hasText("Forged or altered badge");

            scan(page, silent.code());
            assertThat(page.getByTestId("result")).hasAttribute("data-outcome", "CREATED");
            assertThat(page.getByTestId("result-name")).hasText("#" + silent.badge().badge().id + " · PROFESSIONAL");

            // no network at the booth: the scan waits on the phone and goes out once the network is back
            context.setOffline(true);
            scan(page, offline.code());
            assertThat(page.getByTestId("result")).hasAttribute("data-outcome", "QUEUED");
            assertThat(page.getByTestId("connection")).hasText("Offline");
            assertThat(page.getByTestId("count-queued")).hasText("1");
            context.setOffline(false);
            assertThat(page.getByTestId("count-queued")).hasText("0",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));

            // the lead of the visitor without consent: badge and category, nothing else
            page.navigate(base + "portal/leads/" + exhibition);
            page.locator("a", new Page.LocatorOptions().setHasText("#" + silent.badge().badge().id)).click();
            assertThat(page.getByTestId("lead-title")).hasText("#" + silent.badge().badge().id + " · PROFESSIONAL");
            assertThat(page.getByTestId("lead-no-consent")).isVisible();
            assertThat(page.getByTestId("lead-category")).hasText("Professional visitor");
            String html = page.content();
            assertThat(html).doesNotContain(silent.name()).doesNotContain(silent.email())
                    .doesNotContain(silent.organization());

            // rated and noted like any other
            page.locator("#f-rating").selectOption("WARM");
            page.locator("#f-notes").fill("Asked for the catalogue");
            page.getByTestId("lead-save").click();
            assertThat(page.locator(".flash")).hasText("The lead was saved.");
            assertThat(page.locator("#f-rating")).hasValue("WARM");
        }
        assertThat(errors).isEmpty();
        Api.as(booth.token()).get("/api/exhibitions/" + exhibition + "/leads").then().statusCode(200)
                .body("total", equalTo(3));
    }

    @Test
    void scansQueuedOnAPhoneGoOutOnlyForTheUserWhoMadeThemWhenThePhoneIsHandedOn() {
        long exhibition = TestExhibitions.june2027();
        TestLeads.Booth first = TestLeads.booth(exhibition);
        TestLeads.Booth second = TestLeads.booth(exhibition);
        TestLeads.Visitor visitor = TestLeads.visitor(exhibition, "Handed", true);
        try (BrowserContext context = Browser.newContext("en-GB")) {
            Page page = Browser.signIn(context, base.toString(), first.user().username(), first.user().password());
            // the uploads fail (the hall's network is down) while the first exhibitor scans, then signs out
            page.route("**/batch", route -> route.abort());
            openScanPage(page, exhibition);
            scan(page, visitor.code());
            assertThat(page.getByTestId("count-queued")).hasText("1");
            page.close();
            context.clearCookies();

            Page handedOn = Browser.signIn(context, base.toString(), second.user().username(), second.user().password());
            openScanPage(handedOn, exhibition);
            assertThat(handedOn.getByTestId("count-queued")).hasText("0");
            handedOn.waitForTimeout(1500);
            handedOn.close();
            context.clearCookies();
            Api.as(second.token()).get("/api/exhibitions/" + exhibition + "/leads").then().body("total", equalTo(0));

            Page back = Browser.signIn(context, base.toString(), first.user().username(), first.user().password());
            openScanPage(back, exhibition);
            assertThat(back.getByTestId("count-queued")).hasText("0",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        }
        Api.as(first.token()).get("/api/exhibitions/" + exhibition + "/leads").then().body("total", equalTo(1));
        Api.as(second.token()).get("/api/exhibitions/" + exhibition + "/leads").then().body("total", equalTo(0));
    }

    private void openScanPage(Page page, long exhibition) {
        page.navigate(base + "portal/leads/" + exhibition + "/scan");
        assertThat(page.locator("body[data-ready]")).hasCount(1);
        assertThat(page.locator("#scan-code")).isFocused();
    }
}
