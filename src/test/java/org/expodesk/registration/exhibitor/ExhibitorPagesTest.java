package org.expodesk.registration.exhibitor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The staff review pages, the portal's forms and who may reach them; the confirmation link's states. */
@QuarkusTest
class ExhibitorPagesTest {

    @Test
    void staffAskApplicantAnswersStaffApproveAndTheExhibitorAddsStaffInThePortal() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestApplications.Applicant a = TestApplications.applicant(exhibition, 9, false);
        var staff = TestUsers.staff();
        BrowserSession reviewer = BrowserSession.signedIn(staff.username(), staff.password());
        reviewer.get("/exhibitions/" + exhibition + "/exhibitor-applications").then().statusCode(200)
                .body(containsString("/exhibitor-applications/" + a.application()));
        reviewer.get("/exhibitor-applications/" + a.application()).then().statusCode(200)
                .body(containsString("data-testid=\"decision-form\""));
        // a question without its text: the form comes back with the error, nothing decided
        reviewer.post("/exhibitor-applications/" + a.application() + "/decision", Map.of("decision", "REQUEST_INFO"))
                .then().statusCode(400).body(containsString("data-testid=\"error-question\""));
        reviewer.post("/exhibitor-applications/" + a.application() + "/decision",
                Map.of("decision", "REQUEST_INFO", "question", "Do you need power?")).then().statusCode(303);

        BrowserSession exhibitor = BrowserSession.signedIn(a.username(), a.password());
        exhibitor.get("/").then().statusCode(303).header("Location", containsString("/portal"));
        exhibitor.get("/portal").then().statusCode(200).body(containsString("Do you need power?"));
        exhibitor.post("/portal/applications/" + a.application() + "/answer", Map.of("answer", " "))
                .then().statusCode(400);
        exhibitor.post("/portal/applications/" + a.application() + "/answer", Map.of("answer", "Yes, 3 kW"))
                .then().statusCode(303);

        reviewer.get("/exhibitor-applications/" + a.application()).then().statusCode(200)
                .body(containsString("Yes, 3 kW"));
        reviewer.post("/exhibitor-applications/" + a.application() + "/decision", Map.of("decision", "APPROVE"))
                .then().statusCode(303);

        String u = TestApplications.unique();
        exhibitor.get("/portal").then().statusCode(200).body(containsString("data-testid=\"staff-form-"));
        exhibitor.post("/portal/applications/" + a.application() + "/staff",
                Map.of("name", "Zhao", "email", "not-mail", "role", "Sales")).then().statusCode(400)
                .body(containsString("value=\"Zhao\""));
        exhibitor.post("/portal/applications/" + a.application() + "/staff",
                Map.of("name", "Zhao", "email", "zhao-" + u + "@lantern.test", "role", "Sales")).then().statusCode(303);
        exhibitor.post("/portal/applications/" + a.application() + "/staff",
                Map.of("name", "Qian", "email", "qian-" + u + "@lantern.test", "role", "")).then().statusCode(303);
        // 9 m²: the minimum of two badges is used up
        exhibitor.post("/portal/applications/" + a.application() + "/staff",
                Map.of("name", "Sun", "email", "sun-" + u + "@lantern.test", "role", "")).then().statusCode(409);
        exhibitor.post("/portal/profile", Map.of("descriptionEn", "Lanterns", "descriptionZh", "灯笼",
                "website", "lantern.example", "version", "")).then().statusCode(303);
        exhibitor.post("/portal/tickets", Map.of("kind", "REQUEST", "summary", "A table, please")).then()
                .statusCode(303);
        exhibitor.get("/portal").then().statusCode(200).body(containsString("灯笼"))
                .body(containsString("A table, please")).body(containsString("zhao-" + u));
        Api.asAdmin().get("/api/exhibitor-applications/" + a.application() + "/staff").then().statusCode(200)
                .body("total", equalTo(2));
        // the staff badges print from the portal; another exhibitor's session finds nothing there
        String badges = "/portal/applications/" + a.application() + "/staff/badges.pdf";
        exhibitor.get(badges).then().statusCode(200).contentType("application/pdf");
        TestApplications.Applicant other = TestApplications.applicant(exhibition, 9, true);
        BrowserSession.signedIn(other.username(), other.password()).get(badges).then().statusCode(404);
    }

    @Test
    void theLogoIsUploadedFromThePortalFormAndATextFileIsRefusedThere() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestApplications.Applicant a = TestApplications.applicant(exhibition, 9, true);
        BrowserSession exhibitor = BrowserSession.signedIn(a.username(), a.password());
        String page = exhibitor.get("/portal").then().statusCode(200).extract().asString();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        var cookies = Map.of("expodesk_session", exhibitor.cookie("expodesk_session"),
                "expodesk_csrf", exhibitor.cookie("expodesk_csrf"));

        given().redirects().follow(false).cookies(cookies).multiPart("_csrf", csrf.group(1))
                .multiPart("logo", "logo.png", "words, not pixels".getBytes(StandardCharsets.UTF_8), "image/png")
                .post("/portal/profile/logo").then().statusCode(415)
                .body(containsString("PNG"));
        given().redirects().follow(false).cookies(cookies).multiPart("_csrf", csrf.group(1))
                .multiPart("logo", "logo.png", ExhibitorPortalApiTest.png(30, 30), "image/png")
                .post("/portal/profile/logo").then().statusCode(303);
        // without the form's token the upload is refused
        given().redirects().follow(false).cookies(cookies)
                .multiPart("logo", "logo.png", ExhibitorPortalApiTest.png(30, 30), "image/png")
                .post("/portal/profile/logo").then().statusCode(anyOf(is(400), is(403)));
        exhibitor.get("/portal/logo.png").then().statusCode(200).contentType("image/png");
    }

    @Test
    void portalPagesAreOnlyForTheirOwnExhibitor() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestApplications.Applicant a = TestApplications.applicant(exhibition, 9, true);
        var other = TestUsers.exhibitor(TestOrganizations.create());
        BrowserSession intruder = BrowserSession.signedIn(other.username(), other.password());
        intruder.get("/portal").then().statusCode(200);
        intruder.post("/portal/applications/" + a.application() + "/staff",
                Map.of("name", "X", "email", "x@intruder.test")).then().statusCode(404);
        intruder.post("/portal/applications/" + a.application() + "/answer", Map.of("answer", "x")).then()
                .statusCode(404);
        intruder.get("/exhibitor-applications/" + a.application()).then().statusCode(403);
        intruder.get("/exhibitions/" + exhibition + "/exhibitor-applications").then().statusCode(403);

        BrowserSession anonymous = new BrowserSession();
        assertThat(anonymous.get("/portal").then().extract().statusCode()).isIn(302, 303);
        assertThat(anonymous.get("/exhibitor-applications/" + a.application()).then().extract().statusCode())
                .isIn(302, 303);
        Api.asAdmin().get("/api/exhibitor-applications/" + a.application() + "/staff").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void theConfirmationPageAsksFirstAndTellsUsedExpiredAndUnknownLinksApart() throws Exception {
        long exhibition = TestExhibitions.june2027();
        Map<String, Object> form = TestApplications.form(TestApplications.unique(), 9);
        long id = TestApplications.submit(exhibition, form);
        String token = TestApplications.confirmationToken((String) form.get("email"));
        BrowserSession visitor = new BrowserSession().header("X-Forwarded-For", "198.51.100.250");
        visitor.get("/exhibit/confirm/" + token).then().statusCode(200)
                .body(containsString("data-testid=\"confirm-submit\""));
        // opening the link (a mail scanner does) confirms nothing
        Api.asAdmin().get("/api/exhibitor-applications/" + id).then().body("status", equalTo("SUBMITTED"));
        Response confirmed = visitor.post("/exhibit/confirm/" + token, Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(confirmed.header("Location")).contains("/setup?token=");
        visitor.get("/exhibit/confirm/" + token).then().statusCode(410)
                .body(containsString("confirm-link-used"));
        visitor.get("/exhibit/confirm/" + "y".repeat(43)).then().statusCode(404);

        Map<String, Object> late = TestApplications.form(TestApplications.unique(), 9);
        long lateId = TestApplications.submit(exhibition, late);
        String lateToken = TestApplications.confirmationToken((String) late.get("email"));
        QuarkusTransaction.requiringNew().run(() -> ExhibitorApplication.update(
                "confirmExpiresAt = ?1 where id = ?2", Instant.now().minusSeconds(1), lateId));
        visitor.get("/exhibit/confirm/" + lateToken).then().statusCode(410)
                .body(containsString("confirm-link-expired"));
        visitor.post("/exhibit/confirm/" + lateToken, Map.of()).then().statusCode(410);
    }
}
