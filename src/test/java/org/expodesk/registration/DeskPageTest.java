package org.expodesk.registration;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.checkin.TestCheckins;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.mail.TestMail;
import org.expodesk.party.People;
import org.expodesk.party.PersonContact;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.BrowserSession;
import org.expodesk.testing.MailServerResource;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expodesk.registration.TestRegistrations.uniqueEmail;
import static org.hamcrest.Matchers.equalTo;

/**
 * The registration desk on site: a walk-in buyer is registered by staff after registration closed,
 * verified on the spot, and gets a badge the gate admits at once; someone registered already is
 * found, not registered twice; a form with a mistake keeps what staff typed.
 */
@QuarkusTest
class DeskPageTest {

    private static final Pattern DONE = Pattern.compile("/desk\\?done=(\\d+)");

    @Test
    void aWalkInBuyerIsAdmittedWithTheBadgePrintedAtTheDesk() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String code = "DK" + System.nanoTime() % 1_000_000;
        long exhibition = ((Number) Api.asAdmin().body(Map.of("code", code, "name", "Desk Expo " + code, "venue", "Hall",
                        "city", "Shanghai", "timezone", "Asia/Shanghai", "opensOn", today.minusDays(1).toString(),
                        "closesOn", today.plusDays(1).toString()))
                .post("/api/exhibitions").then().statusCode(201).extract().path("id")).longValue();
        TestRegistrations.code(exhibition);
        // online registration closed yesterday: the desk still registers
        Api.asAdmin().body(Map.of("opensAt", today.minusDays(30) + "T00:00:00Z", "closesAt", today.minusDays(1) + "T00:00:00Z"))
                .patch("/api/exhibitions/" + exhibition + "/registration").then().statusCode(200);

        TestUser staff = TestUsers.staff();
        BrowserSession desk = BrowserSession.signedIn(staff.username(), staff.password());
        String here = "/exhibitions/" + exhibition + "/desk";
        assertThat(desk.get(here).asString()).contains("data-testid=\"desk-form\"")
                .contains("data-testid=\"day-" + today + "\" checked");

        String email = uniqueEmail("walkin");
        Map<String, String> form = walkIn("BUYER", "Wang", email);
        form.remove("terms");
        Response refused = desk.post(here, form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("data-testid=\"error-terms\"").contains("value=\"" + email + "\"")
                .contains("value=\"Wang\"");
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations").then().statusCode(200)
                .body("size()", equalTo(0));

        form.put("terms", "on");
        Response registered = desk.post(here, form);
        assertThat(registered.statusCode()).isEqualTo(303);
        Matcher done = DONE.matcher(registered.header("Location"));
        assertThat(done.find()).isTrue();
        long id = Long.parseLong(done.group(1));
        // a second click on the same form shows the same registration
        Response again = desk.post(here, form);
        assertThat(again.header("Location")).contains("done=" + id).doesNotContain("existing");

        JsonPath registration = Api.asAdmin().get("/api/registrations/" + id).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).extract().jsonPath();
        long badge = registration.getLong("badge.id");
        String shown = desk.get(here + "?done=" + id).asString();
        assertThat(shown).contains("Li Wang").contains("data-testid=\"desk-print-a6\"")
                .contains("/exhibitions/" + exhibition + "/badges/" + badge + "/badge.pdf?layout=LABEL_4X3");
        // the print link works in the desk's browser session (the API takes bearer tokens only)
        Response printed = desk.get("/exhibitions/" + exhibition + "/badges/" + badge + "/badge.pdf?layout=LABEL_4X3");
        assertThat(printed.statusCode()).isEqualTo(200);
        assertThat(printed.contentType()).startsWith("application/pdf");
        assertThat(printed.asByteArray()).startsWith("%PDF".getBytes());

        String gateCode = Api.asAdmin().get("/api/badges/" + badge).then().statusCode(200).body("state", equalTo("VALID"))
                .extract().path("code");
        String tablet = TestCheckins.deviceToken(exhibition, "Desk gate", "main");
        Api.as(tablet).body(Map.of("code", gateCode, "scanId", UUID.randomUUID().toString())).post("/api/checkins")
                .then().statusCode(200).body("result", equalTo("ADMITTED")).body("badge.holder", equalTo("Li Wang"));

        TestMail.drain("registration%");
        List<MimeMessage> mails = MailServerResource.receivedBy(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("Desk Expo");

        // the same person at the desk again, without their badge: found, not registered twice
        Map<String, String> lost = walkIn("PROFESSIONAL", "Wang", email.toUpperCase());
        Response found = desk.post(here, lost);
        assertThat(found.header("Location")).contains("done=" + id).contains("existing=true");
        assertThat(desk.get(found.header("Location").replaceFirst("^https?://[^/]+", "")).asString())
                .contains("data-testid=\"desk-existing\"").contains("data-testid=\"desk-print-a6\"");
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations").then().body("size()", equalTo(1));
    }

    /**
     * The desk prints the badge and hands it over at once: a known person registered online already, who gives
     * another of their addresses, is found as before ADR 0024, not given a badge the deferred step would revoke.
     */
    @Test
    void aKnownPersonGivingAnotherOfTheirAddressesAtTheDeskIsFoundNotRegisteredTwice() {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        String family = "Qiao" + Long.toString(System.nanoTime(), 36);
        String online = uniqueEmail("online");
        Map<String, Object> body = TestRegistrations.visitor(online);
        body.put("category", "PROFESSIONAL");
        body.put("firstName", "Li");
        body.put("lastName", family);
        long earlier = TestRegistrations.register(code, body).then().statusCode(201).extract().jsonPath().getLong("id");
        TestRegistrations.deduplicate();
        long person = Api.asAdmin().get("/api/registrations/" + earlier).then().statusCode(200).extract().jsonPath()
                .getLong("personId");
        String other = uniqueEmail("other");
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(People.class).get()
                .addContact(person, PersonContact.EMAIL, other));

        TestUser staff = TestUsers.staff();
        BrowserSession desk = BrowserSession.signedIn(staff.username(), staff.password());
        Map<String, String> form = walkIn("PROFESSIONAL", family, other);
        form.put("days", "2027-06-14");
        Response found = desk.post("/exhibitions/" + exhibition + "/desk", form);
        assertThat(found.statusCode()).isEqualTo(303);
        assertThat(found.header("Location")).contains("done=" + earlier).contains("existing=true");
        TestRegistrations.deduplicate();
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations").then().body("size()", equalTo(1));
        long badge = Api.asAdmin().get("/api/registrations/" + earlier).then().body("status", equalTo("CONFIRMED"))
                .extract().jsonPath().getLong("badge.id");
        Api.asAdmin().get("/api/badges/" + badge).then().statusCode(200).body("state", equalTo("VALID"));
    }

    /** A double click, or two colleagues' desks sending one form at once: one registration, both shown it. */
    @Test
    void theSameFormSentFromTheDeskSeveralTimesAtOnceIsOneRegistration() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestRegistrations.code(exhibition);
        TestUser staff = TestUsers.staff();
        String here = "/exhibitions/" + exhibition + "/desk";
        Map<String, String> form = walkIn("PROFESSIONAL", "Zhou", uniqueEmail("twice"));
        form.put("days", "2027-06-14");
        List<BrowserSession> desks = List.of(BrowserSession.signedIn(staff.username(), staff.password()),
                BrowserSession.signedIn(staff.username(), staff.password()),
                BrowserSession.signedIn(staff.username(), staff.password()),
                BrowserSession.signedIn(staff.username(), staff.password()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(desks.size());
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (BrowserSession desk : desks) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return desk.post(here, form);
                }));
            }
            start.countDown();
            Set<String> shown = new HashSet<>();
            for (Future<Response> answer : sent) {
                Response r = answer.get();
                assertThat(r.statusCode()).isEqualTo(303);
                Matcher done = DONE.matcher(r.header("Location"));
                assertThat(done.find()).isTrue();
                shown.add(done.group(1));
            }
            assertThat(shown).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations").then().body("size()", equalTo(1));
    }

    @Test
    void onlyStaffWorkTheDesk() {
        long exhibition = TestExhibitions.june2027();
        TestUser exhibitor = TestUsers.exhibitor(TestOrganizations.create());
        BrowserSession page = BrowserSession.signedIn(exhibitor.username(), exhibitor.password());
        assertThat(page.get("/exhibitions/" + exhibition + "/desk").statusCode()).isEqualTo(403);
        assertThat(page.post("/exhibitions/" + exhibition + "/desk", walkIn("PROFESSIONAL", "Nope",
                uniqueEmail("nope"))).statusCode()).isEqualTo(403);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations").then().body("size()", equalTo(0));
    }

    private static Map<String, String> walkIn(String category, String family, String email) {
        Map<String, String> form = new HashMap<>();
        form.put("category", category);
        form.put("firstName", "Li");
        form.put("lastName", family);
        form.put("email", email);
        form.put("organization", "Walk-in Trading " + family);
        form.put("country", "CN");
        form.put("language", "en");
        form.put("terms", "on");
        form.put("leadSharing", "on");
        form.put("days", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        form.put("idempotencyKey", UUID.randomUUID().toString());
        return form;
    }
}
