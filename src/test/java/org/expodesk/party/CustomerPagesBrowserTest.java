package org.expodesk.party;

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

/** The customer database in the browser: create, search as you type in both languages, the 360 page. */
@QuarkusTest
class CustomerPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void createSearchAsYouTypeAndWorkWithAnOrganizationInChineseAndEnglish() {
        TestUser staff = TestUsers.staff();
        String unique = String.valueOf(System.nanoTime() % 1_000_000);
        try (BrowserContext chinese = Browser.newContext("zh-CN");
             BrowserContext english = Browser.newContext("en-GB")) {
            Page zh = Browser.signIn(chinese, base.toString(), staff.username(), staff.password());
            zh.navigate(base + "customers");
            assertThat(zh.locator("h1")).hasText("客户数据库");
            zh.locator("#f-name").fill("广州" + unique + "家具有限公司");
            zh.locator("#f-nameLatin").fill("Guangzhou " + unique + " Furniture Co., Ltd.");
            zh.locator("#f-city").fill("广州");
            zh.locator("form[action='/customers'] button[type=submit]").click();
            assertThat(zh.locator("h1")).hasText("广州" + unique + "家具有限公司");

            zh.locator("#f-summary").first().fill("希望预订角位展位");
            zh.getByTestId("add-interaction").click();
            assertThat(zh.getByTestId("org-interactions")).containsText("希望预订角位展位");

            zh.navigate(base + "customers");
            zh.getByTestId("customer-search").pressSequentially(unique + "家具", new com.microsoft.playwright.Locator
                    .PressSequentiallyOptions().setDelay(30));
            assertThat(zh.getByTestId("hits")).containsText("广州" + unique + "家具有限公司");
            assertThat(zh.getByTestId("hits")).containsText("机构");

            Page en = Browser.signIn(english, base.toString(), staff.username(), staff.password());
            en.navigate(base + "customers");
            en.getByTestId("customer-search").pressSequentially("furniture " + unique, new com.microsoft.playwright.Locator
                    .PressSequentiallyOptions().setDelay(30));
            assertThat(en.getByTestId("hits")).containsText("Organization");
            en.getByTestId("hits").getByText("广州" + unique + "家具有限公司").click();
            assertThat(en.getByTestId("verification")).hasText("Not screened");
            assertThat(en.getByTestId("org-interactions")).containsText("Call");
        }
    }
}
