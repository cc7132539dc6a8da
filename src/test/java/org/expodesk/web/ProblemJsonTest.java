package org.expodesk.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ProblemJsonTest {

    @Test
    void malformedJsonIsA400ProblemWithoutInternals() {
        Response response = Api.asAdmin().body("{\"username\": ").post("/api/users");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("org.").doesNotContain("jackson");
    }

    @Test
    void aWronglyTypedFieldIsNamed() {
        Api.asAdmin().body("{\"name\": \"x\", \"expiresInDays\": \"soon\"}").post("/api/me/tokens")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("expiresInDays"));
    }

    @Test
    void beanValidationErrorsListEveryField() {
        Api.asAdmin().body("{\"name\": \"\", \"expiresInDays\": 9999}").post("/api/me/tokens")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:expodesk:problem:validation"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "expiresInDays"));
    }

    @Test
    void unknownApiPathsAndRecordsAre404Problems() {
        Api.asAdmin().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        Api.asAdmin().get("/api/users/987654321").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void aMalformedQueryParameterIsA400NamingIt() {
        Api.asAdmin().queryParam("from", "yesterday").get("/api/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        Api.asAdmin().queryParam("size", "9999").get("/api/users").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void anUnknownRoleIsExplainedInWordsNotKeys() {
        Api.asAdmin().header("Accept-Language", "en").body("{\"username\": \"kingly\", \"displayName\": \"K\", \"role\": \"KING\"}")
                .post("/api/users").then().statusCode(400)
                .body("errors[0].message", equalTo("Choose a role."));
    }

    @Test
    void unknownPagesAreAReadable404Page() {
        Response response = given().get("/no-such-page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.asString()).contains("Not found");
    }

    @Test
    void fieldErrorsAreTranslatedForChineseClients() {
        Api.asAdmin().header("Accept-Language", "zh-CN").body("{\"username\": \"x y\", \"displayName\": \"D\", \"role\": \"STAFF\"}")
                .post("/api/users").then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("小写字母"));
    }
}
