package org.expodesk.checkin;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.badge.Badges;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.Browser;
import org.expodesk.testing.FakeCamera;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The gate tablet's page: activated with a setup code, scanning by keyboard wedge, offline, and by camera. */
@QuarkusTest
class CheckinPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    private static String setupCode(long exhibition, String name) {
        return Api.asAdmin().body(Map.of("name", name, "gate", "main"))
                .post("/api/exhibitions/" + exhibition + "/devices").then().statusCode(201).extract().path("setupCode");
    }

    private Page activated(BrowserContext context, long exhibition, String name) {
        return activated(context, base, exhibition, name);
    }

    /** A tablet of gate {@code main} activated with a new device's setup code, its offline bundle in. */
    static Page activated(BrowserContext context, URL base, long exhibition, String name) {
        // each tablet from its own address, as at a venue: the activation limit is per address
        context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", TestCheckins.clientAddress()));
        Page page = context.newPage();
        page.navigate(base + "checkin");
        assertThat(page.getByTestId("activate")).isVisible();
        page.locator("#setup-code").fill(setupCode(exhibition, name));
        page.locator("#activate-form button[type=submit]").click();
        assertThat(page.getByTestId("scanner")).isVisible();
        assertThat(page.getByTestId("device-name")).containsText(name);
        // the offline bundle is in, and the code field has the focus a hand-held scanner types into
        assertThat(page.locator("body[data-bundle]")).hasCount(1);
        // not waitForFunction("expression"): its polling re-evaluates the text by eval, which the page's CSP refuses
        assertThat(page.locator("#scan-code")).isFocused();
        return page;
    }

    /** A hand-held scanner types the code into the focused field and presses Enter. */
    static void scan(Page page, String code) {
        page.keyboard().insertText(code);
        page.keyboard().press("Enter");
    }

    @Test
    void aKeyboardScannerGetsGreenThenAmberAndAForgedCodeRed() {
        long exhibition = TestExhibitions.june2027();
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Lin Wei", "Harbour Imports");
        List<String> errors = new java.util.ArrayList<>();
        try (BrowserContext context = Browser.newContext("en-GB")) {
            context.onConsoleMessage(message -> {
                if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                    errors.add(message.text());
                }
            });
            context.onResponse(response -> {
                if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
                    errors.add(response.status() + " " + response.url());
                }
            });
            Page page = activated(context, exhibition, "Gate tablet A");
            // the tests' machine is slow at times: a scan waits 10 s for the server before the tablet decides it alone
            assertThat(page.locator("#checkin")).hasAttribute("data-online-timeout-ms", "10000");

            scan(page, issued.badge().code);
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "ADMITTED");
            assertThat(page.getByTestId("result-title")).hasText("Admitted");
            assertThat(page.getByTestId("result-name")).containsText("Lin Wei");
            assertThat(page.getByTestId("result-name")).containsText("Harbour Imports");
            assertThat(page.getByTestId("result-offline")).isHidden();

            scan(page, issued.badge().code);
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "ALREADY_ADMITTED");
            assertThat(page.getByTestId("result-detail")).containsText("Admitted at main");

            scan(page, CheckinApiTest.tampered(issued.badge().code));
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "REJECTED");
            assertThat(page.getByTestId("result-detail")).hasText("Forged or altered badge");
            assertThat(page.getByTestId("count-ADMITTED")).hasText("1");
            assertThat(page.getByTestId("last-scans").locator("li")).hasCount(3);
        }
        // nothing the page does is refused by its content security policy or missing
        assertThat(errors).isEmpty();
        assertThat(CheckinTestData.scansOf(issued.badge().id)).isEqualTo(2);
    }

    @Test
    void offlineTheTabletDecidesAloneAndUploadsTheScanOnceBackOnline() {
        long exhibition = TestExhibitions.june2027();
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Offline Olga", null);
        Badges.Issued revoked = TestCheckins.badgeValidToday(exhibition, "Revoked Rolf", null);
        org.expodesk.badge.TestBadges.badges().revoke(revoked.badge().id, "lost", "test");
        try (BrowserContext context = Browser.newContext("zh-CN")) {
            Page page = activated(context, exhibition, "Tablet without network");
            context.setOffline(true);
            scan(page, issued.badge().code);
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "ADMITTED");
            assertThat(page.getByTestId("result-offline")).isVisible();
            assertThat(page.getByTestId("connection")).hasText("离线");
            assertThat(page.getByTestId("count-queued")).hasText("1");
            // the device's own log: the same badge again is already in, still offline
            scan(page, issued.badge().code);
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "ALREADY_ADMITTED");
            assertThat(page.getByTestId("count-queued")).hasText("2");
            // the signature is checked on the device too
            scan(page, CheckinApiTest.tampered(issued.badge().code));
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "REJECTED");
            assertThat(page.getByTestId("result-detail")).hasText("证件伪造或被篡改");
            assertThat(page.getByTestId("count-queued")).hasText("3");
            // revoked before the tablet fetched its bundle
            scan(page, revoked.badge().code);
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "REJECTED");
            assertThat(page.getByTestId("result-detail")).hasText("证件已作废");
            assertThat(page.getByTestId("count-queued")).hasText("4");
            assertThat(CheckinTestData.scansOf(issued.badge().id)).isZero();

            context.setOffline(false);
            assertThat(page.getByTestId("count-queued")).hasText("0",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20000));
        }
        assertThat(CheckinTestData.scansOf(issued.badge().id)).isEqualTo(2);
        assertThat(CheckinTestData.admissionsOf(issued.badge().id)).isEqualTo(1);
    }

    @Test
    void atATwoWayGateTheStewardSwitchesToOutAndWithFreeReentryTheHolderGetsBackIn() {
        long exhibition = TestExhibitions.june2027();
        Api.asAdmin().body(Map.of("items", List.of(Map.of("category", "PROFESSIONAL", "policy", "FREE_REENTRY"))))
                .put("/api/exhibitions/" + exhibition + "/entry-policies").then().statusCode(200);
        Badges.Issued online = TestCheckins.badgeValidToday(exhibition, "Coming Going", null);
        Badges.Issued offline = TestCheckins.badgeValidToday(exhibition, "Offline Going", null);
        try (BrowserContext context = Browser.newContext("en-GB")) {
            Page page = activated(context, exhibition, "Two-way door");
            assertThat(page.getByTestId("direction-IN")).hasAttribute("aria-pressed", "true");

            scan(page, online.badge().code);
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "ADMITTED");
            scan(page, online.badge().code);
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "ALREADY_ADMITTED");
            page.getByTestId("direction-OUT").click();
            assertThat(page.getByTestId("direction-OUT")).hasAttribute("aria-pressed", "true");
            scan(page, online.badge().code);
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "EXITED");
            page.getByTestId("direction-IN").click();
            scan(page, online.badge().code);
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "ADMITTED");

            // offline the tablet keeps the direction and decides the same way
            context.setOffline(true);
            scan(page, offline.badge().code);
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "ADMITTED");
            assertThat(page.getByTestId("result-offline")).isVisible();
            page.getByTestId("direction-OUT").click();
            scan(page, offline.badge().code);
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "EXITED");
            page.getByTestId("direction-IN").click();
            scan(page, offline.badge().code);
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "ADMITTED");
            assertThat(page.getByTestId("count-queued")).hasText("3");
            context.setOffline(false);
            assertThat(page.getByTestId("count-queued")).hasText("0",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20000));
        }
        assertThat(CheckinTestData.admissionsOf(online.badge().id)).isEqualTo(2);
        // uploaded with its direction, the server agrees: two admissions, no conflict
        assertThat(CheckinTestData.admissionsOf(offline.badge().id)).isEqualTo(2);
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> CheckinConflict.count("badgeId", offline.badge().id))).isZero();
    }

    @Test
    void scansRefusedOnUploadStayOnTheTabletUntilTheStewardSendsThemAgain() {
        long exhibition = TestExhibitions.june2027();
        Map<String, Object> east = TestCheckins.gate(exhibition, "east", "BOTH");
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Patient Pan", null);
        String setupCode = Api.asAdmin().body(Map.of("name", "Roaming tablet"))
                .post("/api/exhibitions/" + exhibition + "/devices").then().statusCode(201).extract().path("setupCode");
        try (BrowserContext context = Browser.newContext("en-GB")) {
            context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", TestCheckins.clientAddress()));
            Page page = context.newPage();
            page.navigate(base + "checkin");
            page.locator("#setup-code").fill(setupCode);
            page.locator("#activate-form button[type=submit]").click();
            assertThat(page.locator("body[data-bundle]")).hasCount(1);
            page.locator("#gate-choice").selectOption("east");
            assertThat(page.locator("#scan-code")).isFocused();

            context.setOffline(true);
            scan(page, issued.badge().code);
            assertThat(page.getByTestId("result")).hasAttribute("data-result", "ADMITTED");
            // meanwhile staff remove the gate the scan was made at
            Api.asAdmin().delete("/api/gates/" + east.get("id")).then().statusCode(204);
            context.setOffline(false);
            assertThat(page.getByTestId("count-refused")).hasText("1",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20000));
            assertThat(page.getByTestId("count-queued")).hasText("0");
            assertThat(CheckinTestData.scansOf(issued.badge().id)).isZero();

            TestCheckins.gate(exhibition, "east", "BOTH");
            page.getByTestId("resend-refused").click();
            assertThat(page.locator(".checkin-refused")).isHidden(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsHiddenOptions().setTimeout(20000));
            assertThat(page.getByTestId("count-queued")).hasText("0",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20000));
        }
        assertThat(CheckinTestData.scansOf(issued.badge().id)).isEqualTo(1);
        assertThat(CheckinTestData.admissionsOf(issued.badge().id)).isEqualTo(1);
    }

    @Test
    void theCameraReadsABadgeHeldUpToIt() throws Exception {
        long exhibition = TestExhibitions.june2027();
        Badges.Issued issued = TestCheckins.badgeValidToday(exhibition, "Camera Cai", null);
        Path video = FakeCamera.videoOf(issued.badge().code);
        try (Playwright playwright = FakeCamera.playwright();
             com.microsoft.playwright.Browser chromium = FakeCamera.chromiumFilming(playwright, video);
             BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                     .setLocale("en-GB").setViewportSize(1200, 800))) {
            context.grantPermissions(List.of("camera"));
            Page page = activated(context, exhibition, "Camera tablet");
            List<String> pageErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onPageError(pageErrors::add);
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    pageErrors.add(message.text());
                }
            });
            page.getByTestId("camera-button").click();
            // the video's QR code changes size (up to 83 % of the picture's height) as a moving hand's badge
            // does; the fake camera plays its video slowly on a busy machine: the reader may need many frames
            try {
                // the counter, not the result: the reader goes on reading the code, and 3 s after the first read the
                // result turns to ALREADY_ADMITTED, which a stalled assertion could see first
                assertThat(page.getByTestId("count-ADMITTED")).hasText("1",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(45000));
            } catch (AssertionError unread) {
                throw new AssertionError("the camera read nothing of " + issued.badge().code + "; the page said '"
                        + page.getByTestId("result-detail").textContent() + "', its scanner: "
                        + page.evaluate("(() => { const v = document.querySelector('#camera-view video');"
                                + " const c = document.querySelector('#camera-view canvas');"
                                + " return v ? 'video ' + v.videoWidth + 'x' + v.videoHeight + ' shown ' + v.clientWidth"
                                + " + 'x' + v.clientHeight + (c ? ', box ' + c.width + 'x' + c.height : ', no box')"
                                + " : 'no video'; })()")
                        + ", its errors: " + pageErrors, unread);
            }
            assertThat(page.getByTestId("result-name")).containsText("Camera Cai");
        }
        assertThat(CheckinTestData.scansOf(issued.badge().id)).isGreaterThanOrEqualTo(1);
    }
}
