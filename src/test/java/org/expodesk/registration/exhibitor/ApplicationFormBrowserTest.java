package org.expodesk.registration.exhibitor;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A company applies in Chinese in a real browser, confirms from the mail, chooses a password and sees its portal. */
@QuarkusTest
class ApplicationFormBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCompanyAppliesInChineseFixesAnErrorAndFollowsItInThePortal() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String code = TestApplications.code(exhibition);
        String u = TestApplications.unique();
        String email = "chen-" + u + "@dengju.test";
        try (BrowserContext browser = Browser.newContext("zh-CN")) {
            browser.setExtraHTTPHeaders(Map.of("X-Forwarded-For", "198.51.100." + (System.nanoTime() % 200 + 1)));
            Page page = browser.newPage();
            page.setViewportSize(390, 844);
            page.navigate(base + "exhibit/" + code);
            assertThat(page.locator("h1")).containsText("申请参展");
            page.locator("#f-legalName").fill("苏州灯具 " + u + " 有限公司");
            page.locator("#f-city").fill("苏州");
            page.locator("#f-familyName").fill("陈");
            page.locator("#f-givenName").fill("静");
            page.locator("#f-email").fill("chen at dengju");
            page.locator("#f-boothSizeSqm").fill("18");
            page.getByTestId("booth-type").selectOption("CORNER");
            page.getByTestId("application-submit").click();

            assertThat(page.getByTestId("application-errors")).isVisible();
            assertThat(page.getByTestId("error-email")).hasText("请输入有效的电子邮箱地址。");
            assertThat(page.getByTestId("error-acceptTerms")).hasText("申请参展须接受参展商条款。");
            assertThat(page.locator("#f-legalName")).hasValue("苏州灯具 " + u + " 有限公司");
            assertThat(page.getByTestId("booth-type")).hasValue("CORNER");

            page.locator("#f-email").fill(email);
            page.getByTestId("accept-terms").check();
            page.getByTestId("application-submit").click();
            assertThat(page.getByTestId("application-thanks")).containsText("我们已向您发送一封邮件");

            String token = TestApplications.confirmationToken(email);
            page.navigate(base + "exhibit/confirm/" + token);
            page.getByTestId("confirm-submit").click();
            page.waitForURL(url -> url.contains("/setup"));
            String password = "Paper lanterns " + u + " drift over the canal";
            page.locator("#f-password").fill(password);
            page.locator("#f-confirm").fill(password);
            page.locator("form[action='/setup'] button[type=submit]").click();
            page.waitForURL(url -> !url.contains("/setup"));

            page.navigate(base + "exhibit/confirm/" + token);
            assertThat(page.getByTestId("confirm-link-used")).isVisible();

            Page portal = Browser.signIn(browser, base.toString(), email, password);
            portal.navigate(base.toString());
            assertThat(portal.locator("h1").first()).hasText("参展商门户");
            assertThat(portal.getByTestId("portal-applications")).containsText("审核中");
            assertThat(portal.locator(".who")).hasText("陈静");
        }
    }
}
