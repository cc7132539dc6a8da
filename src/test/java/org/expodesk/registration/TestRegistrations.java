package org.expodesk.registration;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.expodesk.testing.Api;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Public registrations for tests, each from its own client address (its own rate-limit bucket). */
public final class TestRegistrations {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestRegistrations() {
    }

    /** A client address no other test uses. */
    public static String address() {
        int n = SEQUENCE.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    public static String uniqueEmail(String name) {
        return name + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000 + "@example.org";
    }

    public static String code(long exhibitionId) {
        return Api.asAdmin().get("/api/exhibitions/" + exhibitionId).then().statusCode(200).extract().path("code");
    }

    /** A complete visitor registration body that the caller changes as needed. */
    public static Map<String, Object> visitor(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "VISITOR");
        body.put("firstName", "Lin");
        body.put("lastName", "Wang");
        body.put("email", email);
        body.put("consent", Map.of("terms", true, "leadSharing", true, "marketing", false));
        return body;
    }

    public static Response register(String code, Map<String, Object> body) {
        return register(code, body, address());
    }

    public static Response register(String code, Map<String, Object> body, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address).body(body)
                .post("/api/public/exhibitions/" + code + "/registrations");
    }

    /**
     * Deduplicates now every registrant stored as typed and not yet matched with the customer database, as the
     * worker does after each submit (ADR 0024), and waits for what the worker holds: call it before reading a
     * registration's person or company as deduplication decides them.
     */
    public static void deduplicate() {
        io.quarkus.arc.Arc.container().instance(RegistrantDedupQueue.class).get().runPending();
    }

    /** Sets fields of a category of the edition by its code. */
    public static void changeCategory(long exhibitionId, String category, Map<String, Object> change) {
        Number id = Api.asAdmin().get("/api/exhibitions/" + exhibitionId + "/registration").then().statusCode(200)
                .extract().path("categories.find { it.code == '" + category + "' }.id");
        Api.asAdmin().body(new HashMap<>(change)).patch("/api/registration-categories/" + id).then().statusCode(200);
    }

    public static long categoryId(long exhibitionId, String category) {
        Number id = Api.asAdmin().get("/api/exhibitions/" + exhibitionId + "/registration").then().statusCode(200)
                .extract().path("categories.find { it.code == '" + category + "' }.id");
        return id.longValue();
    }

    /** Every text part of a mail, decoded. */
    public static String textOf(jakarta.mail.Part part) {
        return org.expodesk.testing.MailServerResource.textOf(part);
    }
}
