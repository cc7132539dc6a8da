package org.expodesk.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Browser;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The pages as a person uses them, in a real headless Chromium. */
@QuarkusTest
class BrowserSignInTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAdministratorSignsInSwitchesToChineseAndSeesTheStaffHome() {
        TestUser admin = TestUsers.admin();
        try (BrowserContext context = Browser.newContext("en-GB")) {
            Page page = context.newPage();
            page.navigate(base + "account");

            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?next=%2Faccount$"));
            page.getByLabel("User name").fill(admin.username());
            page.getByLabel("Password").fill(admin.password());
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.locator("h1")).hasText("Your account");

            page.navigate(base.toString());
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/exhibitions$"));
            assertThat(page.locator("h1")).hasText("Exhibitions");
            page.getByTestId("lang-switch").click();

            assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
            assertThat(page.locator("h1")).hasText("展会");
            assertThat(page.locator("h2")).containsText(new String[] {"新建展会"});
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("审计日志"))).isVisible();
        }
    }

    @Test
    void theChineseSignInFormShowsItsErrorInPlace() {
        TestUser staff = TestUsers.staff();
        try (BrowserContext context = Browser.newContext("zh-CN")) {
            Page page = context.newPage();
            page.navigate(base + "login");
            assertThat(page.locator("h1")).hasText("登录");
            page.getByLabel("用户名").fill(staff.username());
            page.getByLabel("密码").fill("这不是正确的密码而已");
            page.locator("button[type=submit]").click();

            assertThat(page.getByTestId("login-error")).hasText("用户名或密码错误。");
            assertThat(page.getByLabel("用户名")).hasValue(staff.username());
        }
    }

    @Test
    void noPageBreaksTheContentSecurityPolicy() {
        try (BrowserContext context = Browser.newContext("en-GB")) {
            Page page = context.newPage();
            java.util.List<String> violations = new java.util.ArrayList<>();
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    violations.add(message.text());
                }
            });
            page.navigate(base + "login");
            page.waitForFunction("() => window.htmx !== undefined");
            org.assertj.core.api.Assertions.assertThat(violations).isEmpty();
        }
    }
}
