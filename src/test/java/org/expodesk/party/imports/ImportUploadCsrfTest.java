package org.expodesk.party.imports;

import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/**
 * The wizard's upload is a page form: without the CSRF token it is refused, even when the forger
 * adds a bearer header (only API requests may go without the token, and they ignore the cookie).
 */
@QuarkusTest
class ImportUploadCsrfTest {

    @Test
    void aForgedUploadToTheWizardIsRefusedWithOrWithoutABearerHeader() {
        TestUser staff = TestUsers.staff();
        BrowserSession session = BrowserSession.signedIn(staff.username(), staff.password());
        String cookie = session.cookie("expodesk_session");
        byte[] csv = "name,country\nForged Import Ltd,GB\n".getBytes(StandardCharsets.UTF_8);

        given().redirects().follow(false).cookie("expodesk_session", cookie)
                .multiPart("file", "forged.csv", csv, "text/csv").multiPart("kind", "organizations")
                .post("/customers/imports").then().statusCode(anyOf(is(400), is(403)));
        given().redirects().follow(false).cookie("expodesk_session", cookie).header("Authorization", "Bearer whatever")
                .multiPart("file", "forged.csv", csv, "text/csv").multiPart("kind", "organizations")
                .post("/customers/imports").then().statusCode(anyOf(is(400), is(403)));
        // and a bearer form to the API does not ride on the session cookie
        given().redirects().follow(false).cookie("expodesk_session", cookie).header("Authorization", "Bearer whatever")
                .multiPart("file", "forged.csv", csv, "text/csv").multiPart("kind", "organizations")
                .post("/api/imports").then().statusCode(401);
    }
}
