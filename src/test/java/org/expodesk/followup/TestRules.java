package org.expodesk.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.mail.MailStatus;
import org.expodesk.mail.OutboxMail;
import org.expodesk.mail.TestMail;
import org.expodesk.party.NameKeys;
import org.expodesk.party.Person;
import org.expodesk.registration.exhibitor.ApplicationStatus;
import org.expodesk.registration.exhibitor.BoothType;
import org.expodesk.registration.exhibitor.ExhibitorApplication;
import org.expodesk.testing.Api;
import org.expodesk.testing.MailServerResource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Editions, people, rules and the mail they led to, for follow-up tests; every name unique. */
final class TestRules {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestRules() {
    }

    static String unique() {
        return SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
    }

    /** An edition of the given series (null: a series of its own). */
    static long edition(String series, LocalDate opensOn, LocalDate closesOn) {
        String code = "FU" + unique();
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Follow-up Expo " + code, "venue", "Hall F",
                "city", "Shanghai", "timezone", "Asia/Shanghai", "opensOn", opensOn.toString(),
                "closesOn", closesOn.toString()));
        if (series != null) {
            body.put("series", series);
        }
        return ((Number) Api.asAdmin().body(body).post("/api/exhibitions").then().statusCode(201).extract().path("id"))
                .longValue();
    }

    static void exhibit(long organization, long exhibition) {
        Api.asAdmin().body(Map.of("exhibition", exhibition, "party", "organization:" + organization, "role", "EXHIBITOR"))
                .post("/api/participations").then().statusCode(201);
    }

    /** People of an organization, written directly (hundreds of them, faster than the API's checks). */
    static List<Long> people(long organization, List<String> emails, String language) {
        return QuarkusTransaction.requiringNew().call(() -> emails.stream().map(email -> {
            Person p = new Person();
            p.familyName = "Tester";
            p.givenName = email.substring(0, email.indexOf('@'));
            p.email = email;
            p.language = language;
            p.organizationId = organization;
            p.nameKey = NameKeys.person(p.familyName, p.givenName);
            p.persist();
            return p.id;
        }).toList());
    }

    /** A person without a mail address (a business card typed in without one). */
    static long personWithoutAddress(long organization, String givenName) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Person p = new Person();
            p.familyName = "Tester";
            p.givenName = givenName;
            p.organizationId = organization;
            p.nameKey = NameKeys.person(p.familyName, p.givenName);
            p.persist();
            return p.id;
        });
    }

    /**
     * An approved exhibitor application of the organization at the edition, its contact a new person
     * with this address and language, and a staff-badge quota set by hand; written directly.
     */
    static long approvedExhibitor(long exhibition, long organization, String email, String language, int staffQuota) {
        long person = people(organization, List.of(email), language).get(0);
        return QuarkusTransaction.requiringNew().call(() -> {
            ExhibitorApplication a = new ExhibitorApplication();
            a.exhibitionId = exhibition;
            a.organizationId = organization;
            a.personId = person;
            a.status = ApplicationStatus.APPROVED;
            a.submissionKey = String.format("%064d", System.nanoTime());
            a.legalName = "Exhibiting Works " + unique();
            a.country = "CN";
            a.city = "Suzhou";
            a.familyName = "Tester";
            a.givenName = email.substring(0, email.indexOf('@'));
            a.email = email;
            a.language = language;
            a.boothSizeSqm = 18;
            a.boothType = BoothType.SHELL_SCHEME;
            a.termsVersion = "test";
            a.staffQuotaOverride = staffQuota;
            a.persist();
            return a.id;
        });
    }

    /** A rule made through the API with the kind's built-in templates. */
    static long rule(long exhibition, String kind, String anchor, int offsetDays, boolean enabled) {
        return ((Number) Api.asAdmin().body(Map.of("kind", kind, "name", kind + " " + unique(), "anchor", anchor,
                        "offsetDays", offsetDays, "enabled", enabled))
                .post("/api/exhibitions/" + exhibition + "/followup-rules").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    /** Runs the sender until no rule's mail is due or in flight. */
    static void drain() throws Exception {
        TestMail.drain("rule:%");
    }

    static List<OutboxMail> mailsOf(long ruleId) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxMail.<OutboxMail>list("purpose = ?1 or purpose like ?2", "rule:" + ruleId, "rule:" + ruleId + ":%"));
    }

    static List<MimeMessage> receivedBy(String address) {
        return MailServerResource.receivedBy(address);
    }

    static String firstRecipient(MimeMessage message) {
        return MailServerResource.recipientOf(message);
    }
}
