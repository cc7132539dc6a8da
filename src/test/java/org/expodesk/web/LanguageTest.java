package org.expodesk.web;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class LanguageTest {

    @Test
    void theBrowsersLanguageChoosesChinese() {
        String html = given().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").get("/login").asString();
        assertThat(html).contains("<html lang=\"zh-CN\">").contains("<h1>登录</h1>").contains("用户名");
    }

    @Test
    void englishIsTheDefault() {
        String html = given().header("Accept-Language", "fr-FR").get("/login").asString();
        assertThat(html).contains("<html lang=\"en\">").contains("<h1>Sign in</h1>");
    }

    @Test
    void theSwitcherIsRememberedAsTheUsersSettingOverTheBrowser() {
        TestUser staff = TestUsers.staff();
        BrowserSession browser = BrowserSession.signedIn(staff.username(), staff.password())
                .header("Accept-Language", "en");
        browser.get("/");
        assertThat(browser.post("/lang", Map.of("lang", "zh-CN", "next", "/")).statusCode()).isEqualTo(303);

        BrowserSession elsewhere = BrowserSession.signedIn(staff.username(), staff.password())
                .header("Accept-Language", "en");
        assertThat(elsewhere.get("/exhibitions").asString()).contains("新建展会");
        Api.as(staff.token()).get("/api/me").then().body("locale", equalTo("zh-CN"));
    }
}
