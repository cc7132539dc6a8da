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

    @Test
    void anUnknownNameLocksExactlyLikeAnExistingOneSoNamesCannotBeProbed() {
        TestUser staff = TestUsers.staff();
        String unknown = "nobody-" + System.nanoTime();
        for (int i = 1; i <= 5; i++) {
            attempt(staff.username(), "wrong password " + i, "192.0.2." + i);
            attempt(unknown, "wrong password " + i, "192.0.2." + (10 + i));
        }
        int existing = attempt(staff.username(), "yet another try", "192.0.2.50").statusCode();
        int missing = attempt(unknown, "yet another try", "192.0.2.51").statusCode();
        org.assertj.core.api.Assertions.assertThat(existing).isEqualTo(429).isEqualTo(missing);
    }

    @Test
    void simultaneousSignInsOnOneAccountAreAllCountedWithoutErrors() throws Exception {
        TestUser staff = TestUsers.staff();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                futures.add(pool.submit(() -> attempt(staff.username(), "parallel wrong " + n, "198.18.0." + n)
                        .statusCode()));
                futures.add(pool.submit(() -> attempt(staff.username(), staff.password(), "198.18.1." + n).statusCode()));
            }
            for (var f : futures) {
                org.assertj.core.api.Assertions.assertThat(f.get()).isIn(200, 401);
            }
        } finally {
            pool.shutdown();
        }
        java.util.List<String> actions = Api.asAdmin().queryParam("actor", staff.username()).queryParam("size", "200")
                .get("/api/audit").then().statusCode(200).extract().path("items.action");
        org.assertj.core.api.Assertions.assertThat(actions.stream().filter("LOGIN_FAILED"::equals)).hasSize(4);
        org.assertj.core.api.Assertions.assertThat(actions.stream().filter("LOGIN_SUCCEEDED"::equals)).hasSize(4);
    }
}
