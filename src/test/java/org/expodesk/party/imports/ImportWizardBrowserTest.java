package org.expodesk.party.imports;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Browser;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The import wizard in the browser: upload, map, check, start, the report; in English, then in Chinese. */
@QuarkusTest
class ImportWizardBrowserTest {

    private static final LocatorAssertions.IsVisibleOptions LONG = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(60_000);

    @TestHTTPResource("/")
    URL base;

    @Test
    void uploadMapCheckAndImportInEnglishThenReuseTheMappingInChinese() {
        TestUser staff = TestUsers.staff();
        String u = String.valueOf(100000 + System.nanoTime() % 900000);
        String source = "Trade fair list " + u;
        try (BrowserContext english = Browser.newContext("en-GB");
             BrowserContext chinese = Browser.newContext("zh-CN")) {
            Page en = Browser.signIn(english, base.toString(), staff.username(), staff.password());
            en.navigate(base + "customers/imports");
            assertThat(en.locator("h1")).hasText("Imports");
            en.locator("#f-source").fill(source);
            en.locator("#f-file").setInputFiles(file("fair-" + u + ".csv", List.of(
                    List.of("Firma", "Website", "Mail"),
                    List.of("Alpha " + u + " Maschinenbau GmbH", "alpha" + u + ".example.de", "info@alpha" + u + ".example.de"),
                    List.of("Beta " + u + " Optik AG", "", "kaputt"))));
            en.getByTestId("upload").click();

            assertThat(en.getByTestId("preview")).containsText("Alpha " + u + " Maschinenbau GmbH");
            assertThat(en.getByTestId("column-1")).hasValue("website");
            en.getByTestId("column-0").selectOption("name");
            en.getByTestId("column-2").selectOption("email");
            en.getByTestId("save-mapping").check();
            en.getByTestId("check").click();
            assertThat(en.getByTestId("problems")).containsText("Mail");
            assertThat(en.getByTestId("problems")).containsText("3");
            assertThat(en.getByTestId("download-errors")).hasAttribute("href", java.util.regex.Pattern.compile(".*/errors\\.csv"));

            en.getByTestId("start").click();
            assertThat(en.getByTestId("import-report")).isVisible(LONG);
            assertThat(en.getByTestId("report-created")).hasText("1");
            assertThat(en.getByTestId("report-errors")).containsText("1");
            assertThat(en.getByTestId("import-progress")).containsText("Done");

            Page zh = Browser.signIn(chinese, base.toString(), staff.username(), staff.password());
            zh.navigate(base + "customers/imports");
            assertThat(zh.locator("h1")).hasText("导入");
            zh.locator("#f-source").fill(source);
            zh.locator("#f-file").setInputFiles(file("fair-" + u + "-2.csv", List.of(
                    List.of("Firma", "Website", "Mail"),
                    List.of("杭州" + u + "茶叶有限公司", "tea" + u + ".example.cn", "sales@tea" + u + ".example.cn"))));
            zh.getByTestId("upload").click();
            assertThat(zh.getByTestId("column-0")).hasValue("name");
            assertThat(zh.getByTestId("column-2")).hasValue("email");
            zh.getByTestId("start").click();
            assertThat(zh.getByTestId("import-report")).isVisible(LONG);
            assertThat(zh.getByTestId("import-report")).containsText("新建");
            assertThat(zh.getByTestId("report-created")).hasText("1");

            zh.navigate(base + "customers/imports");
            assertThat(zh.getByTestId("imports")).containsText("fair-" + u + "-2.csv");
            assertThat(zh.getByTestId("imports")).containsText("已完成");
        }
    }

    private static FilePayload file(String name, List<List<String>> rows) {
        return new FilePayload(name, "text/csv", ImportTestFiles.csv(rows).getBytes(StandardCharsets.UTF_8));
    }
}
