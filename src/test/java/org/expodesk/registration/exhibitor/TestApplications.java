package org.expodesk.registration.exhibitor;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.account.UserService;
import org.expodesk.mail.TestMail;
import org.expodesk.testing.Api;
import org.expodesk.testing.MailServerResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Exhibitor applications for tests: submitted, confirmed and approved through the real API and mail. */
final class TestApplications {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern CONFIRM_LINK = Pattern.compile("/exhibit/confirm/([A-Za-z0-9_-]{43})");

    /** An application and the exhibitor account its confirmation made. */
    record Applicant(long application, long organization, String email, String username, String password) {

        String token() {
            return Api.token(username, password);
        }
    }

    private TestApplications() {
    }

    static String unique() {
        return SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
    }

    /** A client address of its own, so that each test has its own rate-limit bucket. */
    static RequestSpecification client() {
        int n = SEQUENCE.incrementAndGet();
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "198.18." + (n / 250 % 250) + "." + (n % 250 + 1));
    }

    static String code(long exhibitionId) {
        return Api.asAdmin().get("/api/exhibitions/" + exhibitionId).then().statusCode(200).extract().path("code");
    }

    static Map<String, Object> form(String u, int boothSizeSqm) {
        Map<String, Object> body = new HashMap<>();
        body.put("legalName", "Suzhou Lantern Works " + u + " Co., Ltd.");
        body.put("nameLatin", "Lantern Works " + u);
        body.put("creditCode", "91320500MA" + u.replaceAll("\\D", "").substring(0, Math.min(8, u.replaceAll("\\D", "").length())));
        body.put("country", "CN");
        body.put("city", "Suzhou");
        body.put("address", "1 Canal Road");
        body.put("website", "https://lantern-" + u + ".example");
        body.put("industry", "Lighting");
        body.put("familyName", "Wang");
        body.put("givenName", "Fang " + u);
        body.put("jobTitle", "Sales director");
        body.put("email", "fang-" + u + "@lantern.test");
        body.put("language", "en");
        body.put("boothSizeSqm", boothSizeSqm);
        body.put("boothType", "SHELL_SCHEME");
        body.put("acceptTerms", true);
        return body;
    }

    static long submit(long exhibitionId, Map<String, Object> form) {
        return ((Number) client().body(form).post("/api/public/exhibitions/" + code(exhibitionId)
                + "/exhibitor-applications").then().statusCode(201).extract().path("id")).longValue();
    }

    /** The token from the confirmation mail the address received last. */
    static String confirmationToken(String email) throws Exception {
        TestMail.drain(ApplicationMails.PURPOSE + "%");
        List<MimeMessage> mails = MailServerResource.receivedBy(email);
        assertThat(mails).as("mails to " + email).isNotEmpty();
        for (int i = mails.size() - 1; i >= 0; i--) {
            Matcher m = CONFIRM_LINK.matcher(text(mails.get(i)));
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no confirmation link mailed to " + email);
    }

    /** The plain text of a mail, however its parts are nested and encoded. */
    static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i)));
            }
            return all.toString();
        }
        return "";
    }

    /** Submitted, confirmed (password chosen through the setup link) and, if asked, approved. */
    static Applicant applicant(long exhibitionId, int boothSizeSqm, boolean approve) throws Exception {
        String u = unique();
        Map<String, Object> form = form(u, boothSizeSqm);
        long id = submit(exhibitionId, form);
        String email = (String) form.get("email");
        var confirmed = client().body(Map.of("token", confirmationToken(email)))
                .post("/api/public/exhibitor-applications/confirmations").then().statusCode(200).extract();
        String username = confirmed.path("username");
        String password = "Paper lanterns " + u + " drift over the canal";
        Arc.container().instance(UserService.class).get().completeSetup(confirmed.path("setupToken"), password);
        long organization = ((Number) Api.asAdmin().get("/api/exhibitor-applications/" + id).then().statusCode(200)
                .extract().path("organization")).longValue();
        if (approve) {
            Api.asAdmin().body(Map.of("decision", "APPROVE")).post("/api/exhibitor-applications/" + id + "/decisions")
                    .then().statusCode(200);
        }
        return new Applicant(id, organization, email, username, password);
    }
}
