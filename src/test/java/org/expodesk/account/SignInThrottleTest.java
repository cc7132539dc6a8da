package org.expodesk.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class SignInThrottleTest {

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOneAndItIsAudited() {
        TestUser staff = TestUsers.staff();
        for (int i = 1; i <= 4; i++) {
            attempt(staff.username(), "wrong password number " + i, "198.51.100." + i).then().statusCode(401);
        }
        attempt(staff.username(), "wrong password number 5", "198.51.100.5").then().statusCode(429);

        attempt(staff.username(), staff.password(), "198.51.100.6").then().statusCode(429)
                .contentType("application/problem+json");

        Api.asAdmin().queryParam("actor", staff.username()).get("/api/audit")
                .then().statusCode(200).body("items.action", hasItems("LOGIN_FAILED", "LOGIN_LOCKED"));
    }

    @Test
    void oneClientAddressTryingManyNamesIsLockedOut() {
        String client = "203.0.113.77";
        for (int i = 1; i <= 4; i++) {
            attempt("guess-" + i + "-" + System.nanoTime(), "some password guess", client).then().statusCode(401);
        }
        attempt("guess-5-" + System.nanoTime(), "some password guess", client).then().statusCode(429);

        TestUser staff = TestUsers.staff();
        attempt(staff.username(), staff.password(), client).then().statusCode(429);
        attempt(staff.username(), staff.password(), "203.0.113.78").then().statusCode(200);
        Api.asAdmin().queryParam("action", "LOGIN_LOCKED").get("/api/audit")
                .then().statusCode(200).body("items.detail", hasItem("client address " + client + " locked"));
    }

    private static io.restassured.response.Response attempt(String username, String password, String client) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/token");
    }
}
