package org.expodesk.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SecurityHeadersTest {

    @Test
    void pagesForbidInlineScriptsAndFraming() {
        Response page = given().get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.header("Strict-Transport-Security")).isNull();
        assertThat(page.asString()).doesNotContain("<script>").doesNotContain("onclick=");
    }

    @Test
    void htstIsSentWhenTheClientCameOverTls() {
        Response page = given().header("X-Forwarded-Proto", "https").get("/login");
        assertThat(page.header("Strict-Transport-Security")).startsWith("max-age=");
    }

    @Test
    void apiResponsesCarryTheHeadersToo() {
        Response api = given().get("/api/me");
        assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health").then().statusCode(200);
        assertThat(given().get("/q/metrics").asString()).contains("http_server_requests");
        given().get("/q/openapi").then().statusCode(200);
    }
}
