package org.expodesk.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.EmbeddedDatabaseResource;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class UserAdministrationTest {

    @Test
    void theFirstAdministratorSignsInWithThePasswordFromTheEnvironment() {
        Api.as(Api.token("admin", EmbeddedDatabaseResource.ADMIN_PASSWORD)).get("/api/me")
                .then().statusCode(200).body("role", equalTo("ADMIN"));
    }

    @Test
    void aNewUserChoosesAPasswordThroughTheOneTimeLink() {
        String username = "newcomer-" + System.nanoTime();
        String setupToken = Api.asAdmin()
                .body(Map.of("username", username, "displayName", "New Comer", "role", "STAFF"))
                .post("/api/users").then().statusCode(201).extract().path("setupToken");

        BrowserSession browser = new BrowserSession();
        assertThat(browser.get("/setup?token=" + setupToken).asString()).doesNotContain("data-testid=\"setup-invalid\"");
        Response weak = browser.post("/setup", Map.of("token", setupToken, "password", "1qaz2wsx3edc",
                "confirm", "1qaz2wsx3edc"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.asString()).contains("data-testid=\"error-password\"");

        String password = "Seven herons over the salt marsh";
        Response done = browser.post("/setup", Map.of("token", setupToken, "password", password, "confirm", password));
        assertThat(done.statusCode()).isEqualTo(303);
        BrowserSession.signedIn(username, password);

        assertThat(new BrowserSession().get("/setup?token=" + setupToken).asString())
                .contains("data-testid=\"setup-invalid\"");
    }

    @Test
    void invalidNewUsersAreRefusedFieldByField() {
        Api.asAdmin().body(Map.of("username", "A B", "displayName", "", "role", "EXHIBITOR"))
                .post("/api/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("username", "displayName", "organizationId"));
    }

    @Test
    void disablingAUserEndsTheirTokensAndIsAuditedWithTheChangedField() {
        TestUser staff = TestUsers.staff();
        String token = staff.token();
        Api.asAdmin().post("/api/users/" + staff.id() + "/disable").then().statusCode(200).body("enabled", equalTo(false));

        Api.as(token).get("/api/me").then().statusCode(401);
        given().contentType("application/json").body(Map.of("username", staff.username(), "password", staff.password()))
                .post("/api/auth/token").then().statusCode(401);
        Api.asAdmin().queryParam("entityType", "UserAccount").queryParam("entityId", String.valueOf(staff.id()))
                .queryParam("action", "UPDATE").get("/api/audit")
                .then().statusCode(200).body("items.changes", hasItem("{\"enabled\":{\"from\":\"true\",\"to\":\"false\"}}"));
    }

    @Test
    void onlyAdministratorsManageUsers() {
        TestUser staff = TestUsers.staff();
        Api.as(staff.token()).get("/api/users").then().statusCode(403).contentType("application/problem+json");
        Api.as(staff.token()).body(Map.of("username", "sneaky", "displayName", "S", "role", "ADMIN"))
                .post("/api/users").then().statusCode(403);
        TestUser exhibitor = TestUsers.exhibitor(org.expodesk.party.TestOrganizations.create());
        Api.as(exhibitor.token()).get("/api/audit").then().statusCode(403);

        BrowserSession page = BrowserSession.signedIn(staff.username(), staff.password());
        Response usersPage = page.get("/admin/users");
        assertThat(usersPage.statusCode()).isEqualTo(403);
        assertThat(usersPage.asString()).contains("Not allowed").doesNotContain("Exception");

        Api.asAdmin().queryParam("actor", staff.username()).queryParam("action", "ACCESS_DENIED").get("/api/audit")
                .then().statusCode(200).body("items.detail", hasItem("GET /admin/users"));
    }

    @Test
    void theUsersPageCreatesAUserAndShowsTheLinkOnce() {
        BrowserSession admin = BrowserSession.signedIn("admin", EmbeddedDatabaseResource.ADMIN_PASSWORD);
        admin.get("/admin/users");
        String username = "page-made-" + System.nanoTime();
        Response created = admin.post("/admin/users", Map.of("username", username, "displayName", "Made On Page",
                "email", "", "role", "STAFF", "organizationId", ""));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.asString()).contains("data-testid=\"setup-link\"").contains("/setup?token=");

        Response duplicate = admin.post("/admin/users", Map.of("username", username, "displayName", "Again",
                "email", "not-an-email", "role", "STAFF", "organizationId", ""));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.asString()).contains("data-testid=\"error-username\"").contains("data-testid=\"error-email\"")
                .contains("value=\"Again\"");
    }
}
