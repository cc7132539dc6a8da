package org.expodesk.registration;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.mail.TestMail;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.MailServerResource;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.expodesk.registration.TestRegistrations.register;
import static org.expodesk.registration.TestRegistrations.uniqueEmail;
import static org.expodesk.registration.TestRegistrations.visitor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class RegistrationApiTest {

    @Test
    void everyEditionStartsWithTheFiveCategoriesAndAWindowUntilTheEndOfItsClosingDay() {
        long exhibition = TestExhibitions.june2027();
        JsonPath setup = Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registration").then().statusCode(200)
                .extract().jsonPath();
        assertThat(setup.getList("categories.code")).containsExactly("BUYER", "PROFESSIONAL", "VISITOR", "PRESS", "VIP");
        assertThat(setup.getBoolean("categories.find { it.code == 'BUYER' }.verificationRequired")).isTrue();
        assertThat(setup.getBoolean("categories.find { it.code == 'VIP' }.invitationRequired")).isTrue();
        assertThat(setup.getString("categories.find { it.code == 'VIP' }.labelZh")).isEqualTo("贵宾");
        assertThat(setup.getList("categories.find { it.code == 'PRESS' }.validDays")).isNull();
        // closing day 2027-06-17 in Shanghai ends at 16:00 UTC
        assertThat(Instant.parse(setup.getString("closesAt"))).isEqualTo(Instant.parse("2027-06-17T16:00:00Z"));
        assertThat(Instant.parse(setup.getString("opensAt"))).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void aVisitorRegistersIntoTheCustomerDatabaseWithConsentsAParticipationAndAConfirmationMail() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        String email = uniqueEmail("visitor");
        Map<String, Object> body = visitor(email);
        body.put("organization", "Registrant Trading " + email);
        body.put("country", "cn");
        JsonPath created = register(code, body).then().statusCode(201)
                .body("status", equalTo("CONFIRMED")).body("category", equalTo("VISITOR"))
                .extract().jsonPath();
        assertThat(created.getList("days")).containsExactly("2027-06-14", "2027-06-15", "2027-06-16", "2027-06-17");
        long id = created.getLong("id");
        long badge = created.getLong("badge.id");
        Api.asAdmin().get("/api/badges/" + badge).then().statusCode(200).body("state", equalTo("VALID"))
                .body("category.code", equalTo("VISITOR")).body("firstDay", equalTo("2027-06-14"))
                .body("lastDay", equalTo("2027-06-17")).body("holder.organization", equalTo("Registrant Trading " + email));
        // the same address again, not the same submit: told it is registered, shown nothing of it
        register(code, body).then().statusCode(202).body("id", nullValue());
        // the company and the participations once the registrant is deduplicated (ADR 0024)
        TestRegistrations.deduplicate();

        JsonPath registration = Api.asAdmin().get("/api/registrations/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(registration.getString("country")).isEqualTo("CN");
        long person = registration.getLong("personId");
        long organization = registration.getLong("organizationId");
        JsonPath consents = Api.asAdmin().get("/api/people/" + person + "/consents").then().statusCode(200)
                .extract().jsonPath();
        assertThat(consents.getBoolean("current.find { it.purpose == 'TERMS' }.granted")).isTrue();
        assertThat(consents.getBoolean("current.find { it.purpose == 'LEAD_SHARING' }.granted")).isTrue();
        assertThat(consents.getBoolean("current.find { it.purpose == 'MARKETING' }.granted")).isFalse();
        assertThat(consents.getString("current.find { it.purpose == 'TERMS' }.channel")).isEqualTo("WEB_FORM");
        assertThat(consents.getString("current.find { it.purpose == 'TERMS' }.textVersion")).isEqualTo("2026-11");
        assertThat(Api.asAdmin().get("/api/people/" + person + "/participations").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.exhibition == " + exhibition + " }.role"))
                .containsExactly("VISITOR");
        assertThat(Api.asAdmin().get("/api/organizations/" + organization + "/participations").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.exhibition == " + exhibition + " }.role"))
                .containsExactly("VISITOR");

        TestMail.drain("registration%");
        List<MimeMessage> mails = MailServerResource.receivedBy(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("Test Expo", "Visitor");
        assertThat(MailServerResource.attachment(mails.get(0))).as("the badge PDF").startsWith("%PDF".getBytes());
    }

    @Test
    void erasingARegistrantLeavesTheRegistrationCountedButNamelessAndTheBadgeRevoked() {
        long exhibition = TestExhibitions.june2027();
        String email = uniqueEmail("erased");
        JsonPath created = register(TestRegistrations.code(exhibition), visitor(email)).then().statusCode(201)
                .extract().jsonPath();
        long id = created.getLong("id");
        long person = Api.asAdmin().get("/api/registrations/" + id).then().statusCode(200).extract().jsonPath()
                .getLong("personId");

        Api.asAdmin().body(Map.of("reason", "asked at the desk")).post("/api/people/" + person + "/erase")
                .then().statusCode(200);

        JsonPath after = Api.asAdmin().get("/api/registrations/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("email")).isNotEqualTo(email).endsWith("@erased.invalid");
        assertThat(after.getString("status")).isEqualTo("CONFIRMED");
        Api.asAdmin().get("/api/badges/" + created.getLong("badge.id")).then().statusCode(200)
                .body("state", equalTo("REVOKED")).body("holder.name", equalTo("[erased]"));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        Map<String, Object> body = new HashMap<>(Map.of("category", "NOPE", "email", "not an address",
                "country", "XX", "consent", Map.of("terms", false)));
        JsonPath problem = register(code, body).then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("errors.field")).contains("firstName", "lastName", "email", "country",
                "consent.terms", "category");
        register("NO-SUCH-SHOW", visitor(uniqueEmail("nobody"))).then().statusCode(404);
        Map<String, Object> days = visitor(uniqueEmail("days"));
        TestRegistrations.changeCategory(exhibition, "VISITOR", Map.of("daysSelectable", true));
        register(code, days).then().statusCode(400).body("errors[0].field", equalTo("days"));
        days.put("days", List.of("2027-06-20"));
        register(code, days).then().statusCode(400).body("errors[0].field", equalTo("days"));
        days.put("days", List.of("2027-06-15", "2027-06-14"));
        register(code, days).then().statusCode(201).body("days", equalTo(List.of("2027-06-14", "2027-06-15")));
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations").then().statusCode(200)
                .extract().jsonPath().getList("id")).hasSize(1);
    }

    @Test
    void aDoubleSubmitOrTheSamePersonAgainGetsTheFirstRegistration() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        String email = uniqueEmail("twice");
        Map<String, Object> body = visitor(email);
        body.put("idempotencyKey", "key-" + email);
        long first = register(code, body).then().statusCode(201).extract().jsonPath().getLong("id");
        register(code, body).then().statusCode(200).body("id", equalTo((int) first));

        // a key names one submit: with another address it opens nothing
        Map<String, Object> sameKeyOtherMail = visitor(uniqueEmail("other"));
        sameKeyOtherMail.put("idempotencyKey", "key-" + email);
        register(code, sameKeyOtherMail).then().statusCode(409).contentType("application/problem+json");

        // the address alone is told it is registered, and nothing of that registration
        Map<String, Object> sameMailLaterAsPress = visitor(email.toUpperCase());
        sameMailLaterAsPress.put("category", "PRESS");
        register(code, sameMailLaterAsPress).then().statusCode(202).body("status", equalTo("RECEIVED"))
                .body("id", nullValue()).body("badge", nullValue());
        Map<String, Object> onlyTheAddress = new HashMap<>(Map.of("email", email));
        register(code, onlyTheAddress).then().statusCode(400);
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations").then().statusCode(200)
                .extract().jsonPath().getList("id")).hasSize(1);

        // at another edition the same person registers anew, as the same person once deduplicated (ADR 0024)
        long other = TestExhibitions.june2027();
        long second = register(TestRegistrations.code(other), visitor(email)).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        TestRegistrations.deduplicate();
        assertThat(Api.asAdmin().get("/api/registrations/" + second).then().extract().jsonPath().getLong("personId"))
                .isEqualTo(Api.asAdmin().get("/api/registrations/" + first).then().extract().jsonPath()
                        .getLong("personId"));
    }

    /**
     * Submits of one address at once, without a lock between them: the unique keys on the address and on the key let
     * one in, the others are rolled back whole and answered as a submit after it (the same key: the registration
     * again; another key: only that the address is registered).
     */
    @Test
    void manySubmitsOfOneAddressAtOnceMakeOneRegistrationAndNothingElse() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        String email = uniqueEmail("rushed");
        String lastName = "Rushed" + email.hashCode();
        long auditedBefore = count("SELECT COALESCE(MAX(id), 0) FROM audit_log");
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Map<String, Object> body = visitor(email);
            body.put("lastName", lastName);
            // half the same submit sent again and again, half others from the same address
            body.put("idempotencyKey", i % 2 == 0 ? "same-" + email : "other-" + i + "-" + email);
            bodies.add(body);
        }
        List<io.restassured.response.Response> answers = atOnce(code, bodies);
        List<Integer> statuses = answers.stream().map(io.restassured.response.Response::statusCode).toList();
        List<Object> ids = answers.stream().map(a -> (Object) a.jsonPath().get("id")).toList();
        assertThat(statuses).isSubsetOf(201, 200, 202);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        Object registered = ids.get(statuses.indexOf(201));
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i) == 200) {
                assertThat(ids.get(i)).isEqualTo(registered);
            }
        }
        assertThat(count("SELECT COUNT(*) FROM registration WHERE exhibition_id = ?1 AND email = ?2", exhibition, email))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM person WHERE email = ?1", email)).isEqualTo(1);
        // the address is the person's own (its row): no further contact rows, none left by a rolled-back submit
        assertThat(count("SELECT COUNT(*) FROM person_contact WHERE value = ?1", email)).isZero();
        assertThat(count("SELECT COUNT(*) FROM consent c JOIN person p ON p.id = c.person_id WHERE p.email = ?1", email))
                .isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM badge WHERE exhibition_id = ?1 AND holder_name = ?2", exhibition,
                "Lin " + lastName)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?1", email)).isEqualTo(1);
        // the audit entries of what the submits created: those of the one that stands, none of a rolled-back one's
        assertThat(count("SELECT COUNT(*) FROM audit_log a WHERE a.id > ?1 AND a.action = 'CREATE'"
                + " AND a.entity_type = 'Person' AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = a.entity_id)",
                auditedBefore)).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_log a JOIN consent c ON c.id = a.entity_id JOIN person p"
                + " ON p.id = c.person_id WHERE a.id > ?1 AND a.action = 'CREATE' AND a.entity_type = 'Consent'"
                + " AND p.email = ?2 AND a.changes LIKE CONCAT('%', c.purpose, '%')", auditedBefore, email)).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM audit_log a JOIN registration r ON r.id = a.entity_id"
                + " WHERE a.id > ?1 AND a.action = 'CREATE' AND a.entity_type = 'Registration' AND r.email = ?2",
                auditedBefore, email)).isEqualTo(1);
    }

    /** These submits sent at once, each from an address of its own; the answers in the same order. */
    private static List<io.restassured.response.Response> atOnce(String code, List<Map<String, Object>> bodies)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            List<Callable<io.restassured.response.Response>> submits = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                String address = TestRegistrations.address();
                submits.add(() -> register(code, body, address));
            }
            List<io.restassured.response.Response> answers = new ArrayList<>();
            for (Future<io.restassured.response.Response> f : pool.invokeAll(submits)) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(String sql, Object... parameters) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            jakarta.persistence.Query query = Registration.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    @Test
    void fiftyConcurrentSubmitsForTheLastTenPlacesTakeExactlyTen() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        TestRegistrations.changeCategory(exhibition, "PROFESSIONAL", Map.of("capacity", 12));
        for (int i = 0; i < 2; i++) {
            Map<String, Object> early = visitor(uniqueEmail("early"));
            early.put("category", "PROFESSIONAL");
            register(code, early).then().statusCode(201);
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> submits = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Map<String, Object> body = visitor(uniqueEmail("rush"));
                body.put("category", "PROFESSIONAL");
                body.put("lastName", "Rush" + i);
                String address = TestRegistrations.address();
                submits.add(() -> register(code, body, address).then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(submits)) {
                statuses.add(f.get());
            }
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(10);
            assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations?category=PROFESSIONAL")
                .then().statusCode(200).extract().jsonPath().getList("id")).hasSize(12);
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations?size=5&page=2")
                .then().statusCode(200).extract().jsonPath().getList("id")).hasSize(2);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations?size=501").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registration").then().extract().jsonPath()
                .getInt("categories.find { it.code == 'PROFESSIONAL' }.taken")).isEqualTo(12);
        Map<String, Object> late = visitor(uniqueEmail("late"));
        late.put("category", "PROFESSIONAL");
        register(code, late).then().statusCode(409).body("detail", equalTo("This category is fully booked."));
    }

    @Test
    void perDayCapacityCountsEachChosenDay() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        TestRegistrations.changeCategory(exhibition, "VISITOR", Map.of("daysSelectable", true, "capacityPerDay", 1));
        Map<String, Object> monday = visitor(uniqueEmail("monday"));
        monday.put("days", List.of("2027-06-14"));
        register(code, monday).then().statusCode(201);
        Map<String, Object> both = visitor(uniqueEmail("both"));
        both.put("days", List.of("2027-06-14", "2027-06-15"));
        register(code, both).then().statusCode(409);
        both.put("days", List.of("2027-06-15"));
        register(code, both).then().statusCode(201);
    }

    @Test
    void aClosedWindowOrDisabledCategoryIsA422() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        TestRegistrations.changeCategory(exhibition, "PRESS", Map.of("enabled", false));
        Map<String, Object> press = visitor(uniqueEmail("press"));
        press.put("category", "PRESS");
        register(code, press).then().statusCode(422);

        Api.asAdmin().body(Map.of("opensAt", "2026-01-01T00:00:00Z", "closesAt", "2026-01-02T00:00:00Z"))
                .patch("/api/exhibitions/" + exhibition + "/registration").then().statusCode(200);
        register(code, visitor(uniqueEmail("late"))).then().statusCode(422)
                .body("detail", equalTo("Registration is closed."));
        Api.asAdmin().body(Map.of("closesAt", "2025-01-01T00:00:00Z"))
                .patch("/api/exhibitions/" + exhibition + "/registration").then().statusCode(400)
                .body("errors[0].field", equalTo("closesAt"));
    }

    @Test
    void vipsNeedAnInvitationCodeThatIsUsedUpAfterItsUsesAndPrefillsTheCategory() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        Map<String, Object> vip = visitor(uniqueEmail("vip"));
        vip.put("category", "VIP");
        register(code, vip).then().statusCode(400).body("errors[0].field", equalTo("invitationCode"));

        List<String> codes = Api.asAdmin().body(Map.of("category", "VIP", "count", 3, "uses", 1))
                .post("/api/exhibitions/" + exhibition + "/invitations").then().statusCode(201)
                .extract().jsonPath().getList("code");
        assertThat(codes).hasSize(3).doesNotHaveDuplicates();
        vip.put("invitationCode", codes.get(0).toLowerCase());
        register(code, vip).then().statusCode(201).body("category", equalTo("VIP"));

        Map<String, Object> again = visitor(uniqueEmail("vip2"));
        again.remove("category");
        again.put("invitationCode", codes.get(0));
        register(code, again).then().statusCode(400).body("errors[0].field", equalTo("invitationCode"));
        again.put("invitationCode", codes.get(1));
        register(code, again).then().statusCode(201).body("category", equalTo("VIP"));
        again.put("invitationCode", "NOSUCHCODE");
        again.put("email", uniqueEmail("vip3"));
        register(code, again).then().statusCode(400).body("errors[0].field", equalTo("invitationCode"));
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/invitations").then().statusCode(200)
                .extract().jsonPath().getInt("find { it.code == '" + codes.get(0) + "' }.uses")).isEqualTo(1);
    }

    @Test
    void aSingleUseCodeSentFromTenPlacesAtOnceAdmitsOne() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        String invitation = Api.asAdmin().body(Map.of("category", "VIP"))
                .post("/api/exhibitions/" + exhibition + "/invitations").then().statusCode(201).extract().path("[0].code");
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> body = visitor(uniqueEmail("code"));
            body.remove("category");
            body.put("invitationCode", invitation);
            bodies.add(body);
        }
        assertThat(atOnce(code, bodies).stream().map(io.restassured.response.Response::statusCode).toList())
                .containsOnlyOnce(201).containsOnly(201, 400);
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/invitations").then().extract().jsonPath()
                .getInt("[0].uses")).isEqualTo(1);
    }

    /**
     * A double submit with a single-use code: the second waits on the code for the first, which uses it. It is
     * answered with the first one's registration (as a double submit without a code is), not refused as a code used up.
     */
    @Test
    void aDoubleSubmitWithASingleUseCodeIsAnsweredWithTheFirstRegistration() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        String invitation = Api.asAdmin().body(Map.of("category", "VIP"))
                .post("/api/exhibitions/" + exhibition + "/invitations").then().statusCode(201).extract().path("[0].code");
        String email = uniqueEmail("clicked-twice");
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> body = visitor(email);
            body.remove("category");
            body.put("invitationCode", invitation);
            body.put("idempotencyKey", "twice-" + email);
            bodies.add(body);
        }
        List<io.restassured.response.Response> answers = atOnce(code, bodies);
        List<Integer> statuses = answers.stream().map(io.restassured.response.Response::statusCode).toList();
        List<Object> ids = answers.stream().map(a -> (Object) a.jsonPath().get("id")).toList();
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 200);
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(count("SELECT COUNT(*) FROM registration WHERE exhibition_id = ?1 AND email = ?2", exhibition, email))
                .isEqualTo(1);
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/invitations").then().extract().jsonPath()
                .getInt("find { it.code == '" + invitation + "' }.uses")).isEqualTo(1);
    }

    @Test
    void buyersWaitForVerificationUnlessTheirDomainIsAllowedOrTheirCodeWaivesIt() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        String email = uniqueEmail("buyer");
        Map<String, Object> buyer = visitor(email);
        buyer.put("category", "BUYER");
        buyer.put("language", "zh-CN");
        long id = register(code, buyer).then().statusCode(201).body("status", equalTo("PENDING_VERIFICATION"))
                .body("badge", org.hamcrest.Matchers.nullValue()).extract().jsonPath().getLong("id");
        TestMail.drain("registration%");
        assertThat(MailServerResource.receivedBy(email)).hasSize(1);
        assertThat(MailServerResource.receivedBy(email).get(0).getSubject()).contains("我们已收到");
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations?status=PENDING_VERIFICATION")
                .then().statusCode(200).extract().jsonPath().getList("id")).containsExactly((int) id);

        Api.asAdmin().post("/api/registrations/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("decidedBy", equalTo("admin"))
                .body("badge.id", org.hamcrest.Matchers.notNullValue());
        Api.asAdmin().post("/api/registrations/" + id + "/approve").then().statusCode(409);
        TestMail.drain("registration%");
        assertThat(MailServerResource.receivedBy(email)).hasSize(2);
        assertThat(MailServerResource.receivedBy(email).get(1).getSubject()).contains("登记确认");

        String rejectedMail = uniqueEmail("rejected");
        Map<String, Object> rejected = visitor(rejectedMail);
        rejected.put("category", "BUYER");
        long rejectedId = register(code, rejected).then().statusCode(201).extract().jsonPath().getLong("id");
        Api.asAdmin().body(Map.of("reason", "not a trade buyer")).post("/api/registrations/" + rejectedId + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        TestMail.drain("registration%");
        // "received" and "rejected" were queued together and may arrive in either order
        assertThat(MailServerResource.receivedBy(rejectedMail)).hasSize(2)
                .anySatisfy(m -> assertThat(TestRegistrations.textOf(m)).contains("not a trade buyer"));

        Api.asAdmin().body(Map.of("allowedDomains", "Trusted-Buyers.example, other.example"))
                .patch("/api/exhibitions/" + exhibition + "/registration").then().statusCode(200)
                .body("allowedDomains", equalTo(List.of("trusted-buyers.example", "other.example")));
        Map<String, Object> trusted = visitor("anna" + System.nanoTime() + "@trusted-buyers.example");
        trusted.put("category", "BUYER");
        register(code, trusted).then().statusCode(201).body("status", equalTo("CONFIRMED"));

        String waived = Api.asAdmin().body(Map.of("category", "BUYER", "waivesVerification", true))
                .post("/api/exhibitions/" + exhibition + "/invitations").then().statusCode(201)
                .extract().path("[0].code");
        Map<String, Object> invited = visitor(uniqueEmail("invited"));
        invited.put("invitationCode", waived);
        invited.remove("category");
        register(code, invited).then().statusCode(201).body("category", equalTo("BUYER"))
                .body("status", equalTo("CONFIRMED"));
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registration").then().extract().jsonPath()
                .getInt("categories.find { it.code == 'BUYER' }.taken")).isEqualTo(3);
    }

    @Test
    void aFilledHoneypotIsToldItSucceededAndNothingIsKept() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        Map<String, Object> bot = visitor(uniqueEmail("bot"));
        bot.put("website", "http://spam.example");
        register(code, bot).then().statusCode(201);
        assertThat(Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations").then().statusCode(200)
                .extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    void aRegistrantWritingFromTheCompanysOwnDomainJoinsItButNotFromAMailProviderOrAnotherDomain() {
        String code = TestRegistrations.code(TestExhibitions.june2027());
        String u = Long.toString(System.nanoTime(), 36);
        long company = ((Number) Api.asAdmin().body(Map.of("name", "Orchid Valves " + u + " GmbH", "country", "DE",
                        "website", "https://www.orchid-" + u + ".de")).post("/api/organizations").then().statusCode(201)
                .extract().path("id")).longValue();
        // a like name from the company's own domain: the company, not a new record
        assertThat(registrantsCompany(code, "lena@orchid-" + u + ".de", "Orchid Valves " + u)).isEqualTo(company);
        assertThat(registrantsCompany(code, "jonas@orchid-" + u + ".de", "Orchid Valve " + u)).isEqualTo(company);
        // the same name from a mail provider's address, or from another domain: a new record for a person to review
        long fromProvider = registrantsCompany(code, "orchid." + u + "@gmail.com", "Orchid Valves " + u);
        long fromElsewhere = registrantsCompany(code, "max@valves-" + u + ".de", "Orchid Valves " + u);
        assertThat(fromProvider).isNotEqualTo(company);
        assertThat(fromElsewhere).isNotEqualTo(company).isNotEqualTo(fromProvider);
        List<Number> proposed = Api.asAdmin().get("/api/dedup/candidates").then().statusCode(200)
                .extract().path("items.findAll { it.record == " + fromElsewhere + " }.candidate");
        assertThat(proposed.stream().map(Number::longValue)).contains(company);
        // the company's domain with an unlike name: another company
        assertThat(registrantsCompany(code, "ann@orchid-" + u + ".de", "Lotus Pumps " + u)).isNotEqualTo(company);
        // a domain known only from a company's own e-mail address may be a provider's: it proves nothing
        long mailOnly = ((Number) Api.asAdmin().body(Map.of("name", "Heron Seals " + u + " GmbH", "country", "DE",
                        "email", "info@heron-" + u + ".de")).post("/api/organizations").then().statusCode(201)
                .extract().path("id")).longValue();
        assertThat(registrantsCompany(code, "eva@heron-" + u + ".de", "Heron Seals " + u)).isNotEqualTo(mailOnly);
    }

    private static long registrantsCompany(String code, String email, String organization) {
        Map<String, Object> body = visitor(email);
        body.put("organization", organization);
        body.put("country", "DE");
        long id = register(code, body).then().statusCode(201).extract().jsonPath().getLong("id");
        TestRegistrations.deduplicate();
        return Api.asAdmin().get("/api/registrations/" + id).then().statusCode(200).extract().jsonPath()
                .getLong("organizationId");
    }

    @Test
    void tooManySubmitsFromOneAddressAreA429WithRetryAfter() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        String address = TestRegistrations.address();
        // a burst of 10, then one more every 3 seconds: a slow machine may need a few more than 11
        io.restassured.response.Response answer = null;
        for (int i = 0; i < 40 && (answer == null || answer.statusCode() != 429); i++) {
            answer = register(code, Map.of("category", "VISITOR"), address);
        }
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.contentType()).startsWith("application/problem+json");
        register(code, visitor(uniqueEmail("elsewhere"))).then().statusCode(201);
    }

    @Test
    void questionsAreCheckedByKindAndConditionAndTheAnswersKept() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        long buyer = TestRegistrations.categoryId(exhibition, "PROFESSIONAL");
        String base = "/api/registration-categories/" + buyer + "/questions";
        Api.asAdmin().body(Map.of("code", "interest", "kind", "single_choice", "labelEn", "Main interest",
                        "labelZh", "主要兴趣", "options", "textiles|Textiles|纺织\nmachines|Machines|机械", "required", true))
                .post(base).then().statusCode(201).body("options.value", equalTo(List.of("textiles", "machines")));
        Api.asAdmin().body(Map.of("code", "machineKind", "kind", "TEXT", "labelEn", "Which machines?",
                        "labelZh", "哪类机械？", "required", true, "shownIfCode", "interest", "shownIfAnswer", "machines"))
                .post(base).then().statusCode(201);
        Api.asAdmin().body(Map.of("code", "importer", "kind", "YES_NO", "labelEn", "Do you import?",
                "labelZh", "您是否进口？")).post(base).then().statusCode(201);
        Api.asAdmin().body(Map.of("code", "markets", "kind", "MULTIPLE_CHOICE", "labelEn", "Markets",
                "labelZh", "市场", "options", "eu|Europe|欧洲\nus|Americas|美洲")).post(base).then().statusCode(201);
        Api.asAdmin().body(Map.of("code", "origin", "kind", "COUNTRY", "labelEn", "Buying for", "labelZh", "采购国家"))
                .post(base).then().statusCode(201);
        Api.asAdmin().body(Map.of("code", "bad", "kind", "SINGLE_CHOICE", "labelEn", "x", "labelZh", "x"))
                .post(base).then().statusCode(400).body("errors[0].field", equalTo("options"));

        Map<String, Object> body = visitor(uniqueEmail("answers"));
        body.put("category", "PROFESSIONAL");
        JsonPath missing = register(code, body).then().statusCode(400).extract().jsonPath();
        assertThat(missing.getList("errors.field")).containsExactly("answers.interest");
        body.put("answers", Map.of("interest", "machines", "importer", "maybe", "markets", List.of("eu", "asia"),
                "origin", "ZZ", "surprise", "x"));
        JsonPath wrong = register(code, body).then().statusCode(400).extract().jsonPath();
        assertThat(wrong.getList("errors.field")).containsExactlyInAnyOrder("answers.surprise",
                "answers.machineKind", "answers.importer", "answers.markets", "answers.origin");
        body.put("answers", Map.of("interest", "textiles", "importer", true, "markets", List.of("eu", "us"),
                "origin", "de", "machineKind", "not asked"));
        long id = register(code, body).then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath kept = Api.asAdmin().get("/api/registrations/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(kept.getMap("answers")).containsOnlyKeys("interest", "importer", "markets", "origin");
        assertThat(kept.getString("answers.importer")).isEqualTo("yes");
        assertThat(kept.getString("answers.origin")).isEqualTo("DE");
        assertThat(kept.getList("answers.markets")).containsExactly("eu", "us");
    }

    @Test
    void staffOnlyExhibitorsAreRefusedAndAnonymousMustSignIn() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        long id = register(code, visitor(uniqueEmail("private"))).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        long category = TestRegistrations.categoryId(exhibition, "VISITOR");
        String exhibitor = TestUsers.exhibitor(TestOrganizations.create()).token();
        String staff = TestUsers.staff().token();
        List<String> reads = List.of("/api/exhibitions/" + exhibition + "/registration",
                "/api/exhibitions/" + exhibition + "/registrations", "/api/exhibitions/" + exhibition + "/invitations",
                "/api/registrations/" + id, "/api/registration-categories/" + category,
                "/api/registration-categories/" + category + "/questions");
        for (String path : reads) {
            Api.as(exhibitor).get(path).then().statusCode(403);
            given().get(path).then().statusCode(401);
            Api.as(staff).get(path).then().statusCode(200);
        }
        Api.as(exhibitor).post("/api/registrations/" + id + "/approve").then().statusCode(403);
        Api.as(exhibitor).body(Map.of("capacity", 1)).patch("/api/registration-categories/" + category).then()
                .statusCode(403);
        Api.as(exhibitor).body(Map.of("category", "VIP")).post("/api/exhibitions/" + exhibition + "/invitations")
                .then().statusCode(403);
        given().contentType("application/json").body(Map.of("reason", "x")).post("/api/registrations/" + id + "/reject")
                .then().statusCode(401);
        Api.as(staff).get("/api/registrations/999999999").then().statusCode(404);
    }
}
