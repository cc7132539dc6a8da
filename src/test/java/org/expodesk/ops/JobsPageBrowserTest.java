package org.expodesk.ops;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Browser;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The jobs page in the browser: pause and resume by clicking, in Chinese and English. */
@QuarkusTest
class JobsPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAdministratorPausesAndResumesAJobInChineseAndEnglish() {
        TestUser admin = TestUsers.admin();
        try (BrowserContext chinese = Browser.newContext("zh-CN");
             BrowserContext english = Browser.newContext("en-GB")) {
            Page zh = Browser.signIn(chinese, base.toString(), admin.username(), admin.password());
            zh.navigate(base + "admin/jobs");
            assertThat(zh.locator("h1")).hasText("定时任务");
            Locator row = zh.getByTestId("job-" + TestJobs.ON_PAGE);
            assertThat(row.getByTestId("state")).hasText("已计划");
            assertThat(row.getByTestId("next")).hasText("2099-01-01 00:00:00");
            row.getByTestId("pause").click();
            assertThat(zh.locator(".flash")).hasText("任务已在所有节点上暂停。");
            row = zh.getByTestId("job-" + TestJobs.ON_PAGE);
            assertThat(row.getByTestId("state")).hasText("已暂停");
            assertThat(row.getByTestId("next")).hasText("–");
            assertThat(zh.getByTestId("job-runs")).containsText(TestJobs.ON_PAGE);

            Page en = Browser.signIn(english, base.toString(), admin.username(), admin.password());
            en.navigate(base + "admin/audit");
            en.locator("nav a[href='/admin/jobs']").click();
            assertThat(en.locator("h1")).hasText("Scheduled jobs");
            row = en.getByTestId("job-" + TestJobs.ON_PAGE);
            assertThat(row.getByTestId("state")).hasText("Paused");
            row.getByTestId("resume").click();
            assertThat(en.locator(".flash")).hasText("The job is running on its schedule again.");
            row = en.getByTestId("job-" + TestJobs.ON_PAGE);
            assertThat(row.getByTestId("state")).hasText("Scheduled");
            assertThat(row.getByTestId("next")).hasText("2099-01-01 00:00:00");
        }
    }

    @Test
    void staffCannotOpenTheJobsPageNorPostToIt() {
        TestUser staff = TestUsers.staff();
        BrowserSession session = BrowserSession.signedIn(staff.username(), staff.password());
        assertThat(session.get("/admin/jobs").statusCode()).isEqualTo(403);
        session.get("/");
        assertThat(session.post("/admin/jobs/" + TestJobs.ON_PAGE + "/pause", java.util.Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(session.get("/").asString()).doesNotContain("href=\"/admin/jobs\"");
    }
}
