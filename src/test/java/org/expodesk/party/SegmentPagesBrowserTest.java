package org.expodesk.party;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Browser;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A segment built in the page, in Chinese: three participation clauses, the live count, the members. */
@QuarkusTest
class SegmentPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void buildALapsedExhibitorsSegmentInChineseAndSeeItsMembers() {
        TestUser staff = TestUsers.staff();
        String u = String.valueOf(System.nanoTime() % 1_000_000);
        long e1 = TestExhibitions.june2027();
        long e2 = TestExhibitions.june2027();
        long e3 = TestExhibitions.june2027();
        long lapsed = TestOrganizations.create("杭州" + u + "纺织有限公司");
        long loyal = TestOrganizations.create("苏州" + u + "丝绸有限公司");
        SegmentApiTest.exhibit(lapsed, e1, "exhibitor");
        SegmentApiTest.exhibit(lapsed, e2, "exhibitor");
        SegmentApiTest.exhibit(loyal, e1, "exhibitor");
        SegmentApiTest.exhibit(loyal, e2, "exhibitor");
        SegmentApiTest.exhibit(loyal, e3, "exhibitor");

        try (BrowserContext chinese = Browser.newContext("zh-CN")) {
            Page zh = Browser.signIn(chinese, base.toString(), staff.username(), staff.password());
            zh.navigate(base + "customers/segments");
            assertThat(zh.locator("h1")).hasText("客户分组");
            assertThat(zh.getByTestId("customers-nav")).isVisible();
            zh.getByTestId("new-segment").click();
            assertThat(zh.locator("h1")).hasText("新建分组");

            zh.locator("#f-name").fill("流失的参展商 " + u);
            zh.getByTestId("clause-edition-0").selectOption(String.valueOf(e1));
            zh.getByTestId("clause-role-0").selectOption("EXHIBITOR");
            zh.getByTestId("clause-edition-1").selectOption(String.valueOf(e2));
            zh.getByTestId("clause-mode-2").selectOption(new SelectOption().setValue("didNot"));
            zh.getByTestId("clause-edition-2").selectOption(String.valueOf(e3));
            assertThat(zh.getByTestId("live-count")).hasText("符合条件的成员：1 个。");
            zh.getByTestId("save-segment").click();

            assertThat(zh.locator("h1")).hasText("流失的参展商 " + u);
            assertThat(zh.getByTestId("member-count")).hasText("共 1 个成员");
            assertThat(zh.getByTestId("members")).containsText("杭州" + u + "纺织有限公司");
            assertThat(zh.getByTestId("members")).not().containsText("苏州" + u + "丝绸有限公司");
            assertThat(zh.getByTestId("export-xlsx")).isVisible();

            zh.navigate(base + "customers/segments");
            assertThat(zh.getByTestId("segments")).containsText("流失的参展商 " + u);
        }
    }
}
