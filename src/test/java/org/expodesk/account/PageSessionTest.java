package org.expodesk.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.expodesk.account.security.SessionCookie;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class PageSessionTest {

    @Test
    void signInSetsAnHttpOnlySameSiteCookieAndOpensTheHome() {
        TestUser staff = TestUsers.staff();
        BrowserSession browser = new BrowserSession();
        browser.get("/login");
        Response login = browser.post("/login", Map.of("username", staff.username(), "password", staff.password()));

        assertThat(login.statusCode()).isEqualTo(303);
        String setCookie = login.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        Response home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.header("Location")).endsWith("/exhibitions");
        assertThat(browser.get("/exhibitions").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesSendAnonymousVisitorsToSignInAndBack() {
        Response response = given().redirects().follow(false).get("/account");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/login?next=%2Faccount");
    }

    @Test
    void aStolenCookieIsDeadAfterSignOut() {
        TestUser staff = TestUsers.staff();
        BrowserSession browser = BrowserSession.signedIn(staff.username(), staff.password());
        String stolen = browser.cookie(SessionCookie.NAME);

        browser.get("/");
        assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(303);

        Response replay = new BrowserSession().withCookie(SessionCookie.NAME, stolen).get("/account");
        assertThat(replay.statusCode()).isEqualTo(303);
        assertThat(replay.header("Location")).contains("/login");
    }

    @Test
    void aFlashMessageIsShownOnceOnly() {
        TestUser staff = TestUsers.staff();
        BrowserSession browser = BrowserSession.signedIn(staff.username(), staff.password());
        browser.get("/account");
        browser.post("/logout", Map.of());

        assertThat(browser.get("/login").asString()).contains("You are signed out.");
        assertThat(browser.get("/login").asString()).doesNotContain("You are signed out.");
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() {
        TestUser staff = TestUsers.staff();
        BrowserSession laptop = BrowserSession.signedIn(staff.username(), staff.password());
        BrowserSession phone = BrowserSession.signedIn(staff.username(), staff.password());
        String newPassword = "Copper kettle whistles at dawn " + staff.id();

        laptop.get("/account");
        Response change = laptop.post("/account/password",
                Map.of("currentPassword", staff.password(), "password", newPassword, "confirm", newPassword));

        assertThat(change.statusCode()).isEqualTo(303);
        assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
        assertThat(phone.get("/account").statusCode()).isEqualTo(303);
        BrowserSession.signedIn(staff.username(), newPassword);
    }

    @Test
    void aWeakNewPasswordIsRefusedInTheFormAndNothingChanges() {
        TestUser staff = TestUsers.staff();
        BrowserSession browser = BrowserSession.signedIn(staff.username(), staff.password());
        browser.get("/account");
        Response refused = browser.post("/account/password",
                Map.of("currentPassword", staff.password(), "password", "qwerty123456", "confirm", "qwerty123456"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("data-testid=\"error-password\"").contains("most common passwords");
        BrowserSession.signedIn(staff.username(), staff.password());
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        TestUser staff = TestUsers.staff();
        BrowserSession browser = BrowserSession.signedIn(staff.username(), staff.password());
        browser.get("/account");
        String newPassword = "Forged request tries this password";

        Response forged = browser.postRaw("/account/password",
                Map.of("currentPassword", staff.password(), "password", newPassword, "confirm", newPassword));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.contentType()).startsWith("text/html");
        BrowserSession.signedIn(staff.username(), staff.password());
    }

    @Test
    void aWrongPasswordOnTheFormShowsAnErrorAndKeepsTheUserName() {
        TestUser staff = TestUsers.staff();
        BrowserSession browser = new BrowserSession();
        browser.get("/login");
        Response failed = browser.post("/login", Map.of("username", staff.username(), "password", "not my password!"));

        assertThat(failed.statusCode()).isEqualTo(401);
        assertThat(failed.asString()).contains("data-testid=\"login-error\"").contains("value=\"" + staff.username() + "\"");
        assertThat(browser.cookie(SessionCookie.NAME)).isNull();
    }

    @Test
    void theReturnAddressAfterSignInStaysOnThisSite() {
        TestUser staff = TestUsers.staff();
        BrowserSession browser = new BrowserSession();
        browser.get("/login");
        Response login = browser.post("/login", Map.of("username", staff.username(), "password", staff.password(),
                "next", "//evil.example/phish"));
        assertThat(login.header("Location")).doesNotContain("evil.example");
    }

    @Test
    void aStateChangingPagePostThatIsNotAFormIsRefusedBeforeAnythingRuns() {
        TestUser victim = TestUsers.staff();
        BrowserSession admin = BrowserSession.signedIn("admin", org.expodesk.testing.EmbeddedDatabaseResource.ADMIN_PASSWORD);
        Response sneaky = given().redirects().follow(false)
                .cookie(SessionCookie.NAME, admin.cookie(SessionCookie.NAME))
                .contentType("text/plain").body("x")
                .post("/admin/users/" + victim.id() + "/disable");

        assertThat(sneaky.statusCode()).isEqualTo(415);
        org.expodesk.testing.Api.as(victim.token()).get("/api/me").then().statusCode(200);
    }

    @Test
    void guessingTheCurrentPasswordOnTheAccountPageLocksTheAccountAndEndsTheSession() {
        TestUser staff = TestUsers.staff();
        BrowserSession hijacked = BrowserSession.signedIn(staff.username(), staff.password());
        String next = "Another long passphrase for this";
        for (int i = 1; i <= 4; i++) {
            hijacked.get("/account");
            Response wrong = hijacked.post("/account/password",
                    Map.of("currentPassword", "guess number " + i + " here", "password", next, "confirm", next));
            assertThat(wrong.statusCode()).isEqualTo(400);
        }
        hijacked.get("/account");
        Response last = hijacked.post("/account/password",
                Map.of("currentPassword", "guess number 5 here", "password", next, "confirm", next));
        assertThat(last.asString()).contains("locked");

        assertThat(hijacked.get("/account").statusCode()).isEqualTo(303);
        given().contentType("application/json").body(Map.of("username", staff.username(), "password", staff.password()))
                .post("/api/auth/token").then().statusCode(429);
    }
}
