package org.expodesk.leads;

import org.expodesk.badge.Badges;
import org.expodesk.badge.TestBadges;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Exhibitors at an edition and visitors with badges, made through the API, for lead tests. */
final class TestLeads {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** An exhibiting organization and one of its EXHIBITOR users. */
    record Booth(long organization, String name, TestUsers.TestUser user) {

        String token() {
            return user.token();
        }
    }

    /** A visitor's person and badge. */
    record Visitor(long person, String name, String organization, String email, Badges.Issued badge) {

        String code() {
            return badge.badge().code;
        }
    }

    private TestLeads() {
    }

    static String unique() {
        return SEQUENCE.incrementAndGet() + "x" + System.nanoTime() % 1_000_000;
    }

    /** Digits as letters, so that names stay names. */
    static String letters(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (Character.isDigit(c)) {
                out.append((char) ('a' + (c - '0')));
            }
        }
        return out.toString();
    }

    static Booth booth(long exhibitionId) {
        String name = "Booth Works " + unique();
        long organization = TestOrganizations.create(name);
        Api.asAdmin().body(Map.of("exhibition", exhibitionId, "party", "organization:" + organization,
                "role", "EXHIBITOR")).post("/api/participations").then().statusCode(201);
        return new Booth(organization, name, TestUsers.exhibitor(organization));
    }

    /** A visitor of the edition with a badge; {@code consent}: the latest lead-sharing record grants it (null: none). */
    static Visitor visitor(long exhibitionId, String givenName, Boolean consent) {
        String u = unique();
        String organizationName = "Visiting Trade " + u;
        long organization = TestOrganizations.create(organizationName);
        String family = "Zhou" + letters(u);
        String email = "visitor-" + u + "@visitors.test";
        Map<String, Object> body = new HashMap<>();
        body.put("familyName", family);
        body.put("givenName", givenName);
        body.put("email", email);
        body.put("phone", "+86 21 5555 " + String.format("%04d", SEQUENCE.incrementAndGet() % 10000));
        body.put("jobTitle", "Buyer");
        body.put("organization", organization);
        long person = ((Number) Api.asAdmin().body(body).post("/api/people").then().statusCode(201)
                .extract().path("id")).longValue();
        if (consent != null) {
            Api.asAdmin().body(Map.of("purpose", "LEAD_SHARING", "granted", consent, "channel", "WEB_FORM"))
                    .post("/api/people/" + person + "/consents").then().statusCode(201);
        }
        String name = givenName + " " + family;
        return new Visitor(person, name, organizationName, email,
                TestBadges.issue(exhibitionId, person, name, organization, organizationName));
    }
}
