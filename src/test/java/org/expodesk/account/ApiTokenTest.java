package org.expodesk.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ApiTokenTest {

    @Inject
    Expiry expiry;

    @Test
    void signInGivesABearerTokenThatIdentifiesTheUser() {
        TestUser staff = TestUsers.staff();
        given().contentType(ContentType.JSON).body(Map.of("username", staff.username(), "password", staff.password()))
                .when().post("/api/auth/token")
                .then().statusCode(200).body("token", notNullValue()).body("expiresAt", notNullValue());

        Api.as(staff.token()).get("/api/me")
                .then().statusCode(200).body("username", equalTo(staff.username())).body("role", equalTo("STAFF"));
    }

    @Test
    void wrongPasswordIsAProblemThatDoesNotSayWhichPartWasWrong() {
        TestUser staff = TestUsers.staff();
        String wrongPassword = given().contentType(ContentType.JSON)
                .body(Map.of("username", staff.username(), "password", "not the password at all"))
                .when().post("/api/auth/token")
                .then().statusCode(401).contentType("application/problem+json")
                .extract().path("detail");
        String unknownUser = given().contentType(ContentType.JSON)
                .body(Map.of("username", "nobody-" + System.nanoTime(), "password", "whatever it is here"))
                .when().post("/api/auth/token")
                .then().statusCode(401).extract().path("detail");
        org.assertj.core.api.Assertions.assertThat(wrongPassword).isEqualTo(unknownUser);
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        given().get("/api/me").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).body("type", equalTo("urn:expodesk:problem:unauthenticated"));
        given().header("Authorization", "Bearer made-up-token").get("/api/me").then().statusCode(401);
    }

    @Test
    void anExpiredTokenNoLongerWorks() {
        TestUser staff = TestUsers.staff();
        String token = staff.token();
        Api.as(token).get("/api/me").then().statusCode(200);

        expiry.expireAllTokensOf(staff.id());

        Api.as(token).get("/api/me").then().statusCode(401);
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        TestUser staff = TestUsers.staff();
        String session = staff.token();
        var created = Api.as(session).body(Map.of("name", "my script")).post("/api/me/tokens")
                .then().statusCode(201).header("Location", notNullValue()).extract();
        String scriptToken = created.path("token");
        long id = ((Number) created.path("id")).longValue();
        Api.as(scriptToken).get("/api/me").then().statusCode(200);
        Api.as(session).get("/api/me/tokens").then().statusCode(200).body("items.name", org.hamcrest.Matchers.hasItem("my script"));

        Api.as(session).delete("/api/me/tokens/" + id).then().statusCode(204);

        Api.as(scriptToken).get("/api/me").then().statusCode(401);
    }

    @Test
    void anotherUsersTokenIsNotFoundRatherThanForbidden() {
        TestUser owner = TestUsers.exhibitor(org.expodesk.party.TestOrganizations.create());
        TestUser other = TestUsers.exhibitor(org.expodesk.party.TestOrganizations.create());
        long id = ((Number) Api.as(owner.token()).body(Map.of("name", "owner's")).post("/api/me/tokens")
                .then().statusCode(201).extract().path("id")).longValue();

        Api.as(other.token()).delete("/api/me/tokens/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(other.token()).get("/api/me/tokens").then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("owner's")));
    }

    @Test
    void signingOutTheTokenEndsIt() {
        TestUser staff = TestUsers.staff();
        String token = staff.token();
        Api.as(token).delete("/api/auth/token").then().statusCode(204);
        Api.as(token).get("/api/me").then().statusCode(401);
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class Expiry {
        @Transactional
        void expireAllTokensOf(long userId) {
            AuthCredential.update("expiresAt = ?1 where user.id = ?2", Instant.now().minusSeconds(1), userId);
        }
    }

    @Test
    void aPasswordChangeEndsApiTokensAndEarlierSetupLinks() {
        TestUser staff = TestUsers.staff();
        String token = staff.token();
        String resetLink = Api.asAdmin().post("/api/users/" + staff.id() + "/setup-link")
                .then().statusCode(200).extract().path("setupToken");
        org.expodesk.testing.BrowserSession page = org.expodesk.testing.BrowserSession.signedIn(staff.username(),
                staff.password());
        page.get("/account");
        String next = "Freshly chosen passphrase number two";
        org.assertj.core.api.Assertions.assertThat(page.post("/account/password",
                Map.of("currentPassword", staff.password(), "password", next, "confirm", next)).statusCode()).isEqualTo(303);

        Api.as(token).get("/api/me").then().statusCode(401);
        org.assertj.core.api.Assertions.assertThat(new org.expodesk.testing.BrowserSession()
                .get("/setup?token=" + resetLink).asString()).contains("data-testid=\"setup-invalid\"");
        Api.as(Api.token(staff.username(), next)).get("/api/me").then().statusCode(200);
    }
}
