package org.expodesk.testing;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Calls to the JSON API as a given user. */
public final class Api {

    private static String adminToken;

    private Api() {
    }

    public static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = token("admin", EmbeddedDatabaseResource.ADMIN_PASSWORD);
        }
        return adminToken;
    }

    public static String token(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .when().post("/api/auth/token")
                .then().statusCode(200)
                .extract().path("token");
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return as(adminToken());
    }
}
