package org.expodesk.party;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Api;
import org.expodesk.testing.Browser;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The person page: more e-mails and phones, consents, and a merged person leading to the survivor. */
@QuarkusTest
class PersonPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void addPhonesAndConsentsOnThePersonPageInChineseAndFollowAMerge() {
        TestUser staff = TestUsers.staff();
        String u = PeopleDedupTest.unique();
        long person = PeopleDedupTest.create(Map.of("familyName", "孙", "givenName", "丽" + u,
                "email", "sun" + u + "@example.cn"), 201);
        try (BrowserContext chinese = Browser.newContext("zh-CN")) {
            Page zh = Browser.signIn(chinese, base.toString(), staff.username(), staff.password());
            zh.navigate(base + "customers/people/" + person);
            assertThat(zh.locator("h1")).hasText("孙丽" + u);

            zh.locator("#f-contact-kind").selectOption("PHONE");
            zh.locator("#f-value").fill("12345");
            zh.getByTestId("add-contact").click();
            assertThat(zh.getByTestId("error-value")).hasText("这不是有效的电话号码。请加上国家代码，例如 +86 138 0013 8000。");
            zh.locator("#f-contact-kind").selectOption("PHONE");
            zh.locator("#f-value").fill("136 " + u.substring(0, 4) + " 5678");
            zh.getByTestId("add-contact").click();
            assertThat(zh.getByTestId("person-contacts")).containsText("+86136" + u.substring(0, 4) + "5678");

            zh.locator("#f-purpose").selectOption("LEAD_SHARING");
            zh.locator("#f-granted").selectOption("false");
            zh.locator("#f-channel").selectOption("PHONE");
            zh.getByTestId("record-consent").click();
            assertThat(zh.getByTestId("person-consents")).containsText("向展商提供联系方式");
            assertThat(zh.getByTestId("person-consents")).containsText("已撤回");
        }
        Api.asAdmin().get("/api/people/" + person + "/consents").then().statusCode(200)
                .body("current[0].purpose", org.hamcrest.Matchers.equalTo("LEAD_SHARING"))
                .body("current[0].recordedBy", org.hamcrest.Matchers.equalTo(staff.username()));

        long survivor = PeopleDedupTest.create(Map.of("familyName", "Sun", "givenName", "Li" + u), 201);
        Api.asAdmin().body(Map.of("duplicate", person)).post("/api/people/" + survivor + "/merge").then().statusCode(200);
        try (BrowserContext english = Browser.newContext("en-GB")) {
            Page en = Browser.signIn(english, base.toString(), staff.username(), staff.password());
            en.navigate(base + "customers/people/" + person);
            assertThat(en.locator("h1")).hasText("Li" + u + " Sun");
            assertThat(en.getByTestId("person-consents")).containsText("Withdrawn");
            assertThat(en.getByTestId("person-contacts")).containsText("+86136" + u.substring(0, 4) + "5678");
            assertThat(en.locator("dl.facts")).containsText("sun" + u + "@example.cn");
        }
    }
}
