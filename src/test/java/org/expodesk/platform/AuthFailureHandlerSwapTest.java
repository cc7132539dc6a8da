package org.expodesk.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refused requests are answered and counted as before {@link AuthFailureHandlerSwap}: problem+json
 * from the exception mappers, and in the HTTP metrics under their URI template, never their path.
 */
@QuarkusTest
class AuthFailureHandlerSwapTest {

    @Test
    void refusedRequestsAreProblemsCountedUnderTheirTemplate() {
        long edition = 987_000_000L + System.nanoTime() % 1_000_000;
        given().get("/api/exhibitions/" + edition + "/badge-keys").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/api/exhibitions/" + edition + "/badge-keys")
                .then().statusCode(401);
        String exhibitor = TestUsers.exhibitor(TestOrganizations.create()).token();
        Api.as(exhibitor).get("/api/exhibitions/" + edition + "/badge-keys").then().statusCode(403)
                .contentType("application/problem+json");

        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics).doesNotContain(String.valueOf(edition));
        assertThat(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains("uri=\"/api/exhibitions/{id}/badge-keys\"")))
                .anySatisfy(l -> assertThat(l).contains("status=\"401\""))
                .anySatisfy(l -> assertThat(l).contains("status=\"403\""));
    }

    /** The swap runs before Quarkus REST's filter, whichever the request: else every request builds a mapper again. */
    @Test
    void everyRequestGetsTheSwappedFailureHandlerBeforeQuarkusRestLooksForIt() {
        given().header("X-Swap-Probe", "1").get("/api/me").then().statusCode(401).header("X-Swap-Probe", "true");
        Api.asAdmin().header("X-Swap-Probe", "1").get("/api/me").then().statusCode(200).header("X-Swap-Probe", "true");
        given().header("X-Swap-Probe", "1").get("/").then().header("X-Swap-Probe", "true");
    }

    @Test
    void signedInRequestsAreCountedUnderTheirTemplate() {
        long edition = 986_000_000L + System.nanoTime() % 1_000_000;
        Api.asAdmin().get("/api/exhibitions/" + edition + "/badge-keys");
        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics).doesNotContain(String.valueOf(edition)).contains("uri=\"/api/exhibitions/{id}/badge-keys\"");
    }
}
