package org.expodesk.checkin;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Browser;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** From the board to a new gate, then a device for it whose setup code is shown once. */
@QuarkusTest
class GatesPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void addAGateAndRegisterADeviceForIt() {
        TestUser staff = TestUsers.staff();
        long edition = TestExhibitions.june2027();
        try (BrowserContext context = Browser.newContext("en-GB")) {
            Page page = Browser.signIn(context, base.toString(), staff.username(), staff.password());
            page.navigate(base + "exhibitions/" + edition);
            page.getByTestId("gates-link").click();
            assertThat(page.locator("h1")).hasText("Gates and entry");
            assertThat(page.getByTestId("gate-main")).isVisible();

            page.locator("#f-name").fill("Hall C");
            page.locator("#f-kind").selectOption("ENTRY");
            page.locator("#f-categories").fill("buyer, vip");
            page.getByTestId("gate-add").click();
            assertThat(page.locator(".flash")).hasText("Gate added.");
            assertThat(page.getByTestId("gate-Hall C").locator("input[name=categories]")).hasValue("BUYER, VIP");

            page.getByTestId("devices-link").click();
            page.locator("#f-name").fill("Hall C tablet");
            page.locator("#f-gate").selectOption("Hall C");
            page.getByTestId("device-register").click();
            assertThat(page.getByTestId("setup-code")).hasText(java.util.regex.Pattern.compile("[0-9A-Z]{5}-[0-9A-Z]{5}"));
            assertThat(page.getByTestId("devices")).containsText("Waiting for its setup code");

            page.navigate(base + "exhibitions/" + edition + "/devices");
            assertThat(page.getByTestId("setup-code")).hasCount(0);
            assertThat(page.getByTestId("devices")).containsText("Hall C");
        }
    }
}
