package org.expodesk.followup.survey;

import io.restassured.response.Response;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Participants and survey links for tests, made through the API with unique names. */
final class TestSurveys {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestSurveys() {
    }

    /** A new person of the organization (none if null) taking part in the edition with the role. */
    static long participant(long exhibition, Long organization, String role) {
        String unique = Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
        Map<String, Object> person = new HashMap<>(Map.of("familyName", "Surveyed" + unique,
                "givenName", "Respondent" + unique, "email", "respondent." + unique + "@survey.test"));
        if (organization != null) {
            person.put("organization", organization);
        }
        long id = ((Number) Api.asAdmin().body(person).post("/api/people").then().statusCode(201)
                .extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("exhibition", exhibition, "party", "person:" + id, "role", role))
                .post("/api/participations").then().statusCode(201);
        return id;
    }

    /** Issues a person's link through the API; returns its path, {@code /survey/<token>}. */
    static String link(long exhibition, long person) {
        String link = Api.asAdmin().body(Map.of("personId", person))
                .post("/api/exhibitions/" + exhibition + "/survey/invitations").then().statusCode(201)
                .extract().path("link");
        return link.substring(link.indexOf("/survey/")).replaceAll("\\?.*", "");
    }

    /** The ids of the survey's aspects by code, for the form's {@code score-<id>} fields. */
    static Map<String, Long> aspects(long exhibition) {
        Map<String, Long> ids = new HashMap<>();
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/survey").then().statusCode(200).extract().jsonPath()
                .getList("aspects", Map.class)
                .forEach(a -> ids.put((String) a.get("code"), ((Number) a.get("id")).longValue()));
        return ids;
    }

    /** Opens the link as a fresh browser would and posts the form. */
    static Response answer(String path, Map<String, String> form) {
        BrowserSession visitor = new BrowserSession();
        visitor.get(path).then().statusCode(200);
        return visitor.post(path, form);
    }
}
