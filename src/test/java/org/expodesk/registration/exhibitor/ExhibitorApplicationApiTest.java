package org.expodesk.registration.exhibitor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.mail.TestMail;
import org.expodesk.testing.Api;
import org.expodesk.testing.MailServerResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ExhibitorApplicationApiTest {

    @Test
    void applicationIsConfirmedQuestionedApprovedAndStaffedWithinQuota() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String code = TestApplications.code(exhibition);
        String u = TestApplications.unique();
        Map<String, Object> form = TestApplications.form(u, 27);
        String email = (String) form.get("email");
        String path = "/api/public/exhibitions/" + code + "/exhibitor-applications";

        var created = TestApplications.client().body(form).post(path).then().statusCode(201).extract();
        long id = ((Number) created.path("id")).longValue();
        assertThat(created.header("Location")).endsWith("/api/exhibitor-applications/" + id);
        // the same form sent again (a double click) is the same application, and no second mail
        TestApplications.client().body(form).post(path).then().statusCode(200).body("id", equalTo((int) id));
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/exhibitor-applications")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].status", equalTo("SUBMITTED"))
                .body("items[0].termsVersion", notNullValue());

        // staff cannot decide before the applicant confirmed the e-mail address
        Api.asAdmin().body(Map.of("decision", "APPROVE")).post("/api/exhibitor-applications/" + id + "/decisions")
                .then().statusCode(409);

        String token = TestApplications.confirmationToken(email);
        assertThat(MailServerResource.receivedBy(email)).hasSize(1);
        var confirmed = TestApplications.client().body(Map.of("token", token))
                .post("/api/public/exhibitor-applications/confirmations").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("setupToken", notNullValue()).extract();
        TestApplications.client().body(Map.of("token", token)).post("/api/public/exhibitor-applications/confirmations")
                .then().statusCode(409);
        String username = confirmed.path("username");
        String password = "Paper lanterns " + u + " drift over the canal";
        io.quarkus.arc.Arc.container().instance(org.expodesk.account.UserService.class).get()
                .completeSetup(confirmed.path("setupToken"), password);
        String exhibitor = Api.token(username, password);
        long organization = ((Number) Api.as(exhibitor).get("/api/exhibitor-applications/" + id).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).extract().path("organization")).longValue();
        Api.as(exhibitor).get("/api/me").then().statusCode(200).body("role", equalTo("EXHIBITOR"));

        // no staff before approval
        Api.as(exhibitor).body(Map.of("name", "Li Lei", "email", "li-" + u + "@lantern.test"))
                .post("/api/exhibitor-applications/" + id + "/staff").then().statusCode(409);

        Api.asAdmin().body(Map.of("decision", "REQUEST_INFO"))
                .post("/api/exhibitor-applications/" + id + "/decisions").then().statusCode(400)
                .body("errors.field", hasItem("question"));
        Api.asAdmin().body(Map.of("decision", "REQUEST_INFO", "question", "Which products will you show?"))
                .post("/api/exhibitor-applications/" + id + "/decisions").then().statusCode(200)
                .body("status", equalTo("MORE_INFO_REQUESTED"));
        Api.as(exhibitor).body(Map.of("answer", "LED lanterns and festival lights"))
                .post("/api/exhibitor-applications/" + id + "/answers").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("answer", equalTo("LED lanterns and festival lights"));
        Api.asAdmin().body(Map.of("decision", "APPROVE")).post("/api/exhibitor-applications/" + id + "/decisions")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("admin"));
        Api.asAdmin().body(Map.of("decision", "REJECT", "reason", "too late"))
                .post("/api/exhibitor-applications/" + id + "/decisions").then().statusCode(409);

        Api.asAdmin().get("/api/organizations/" + organization + "/participations").then().statusCode(200)
                .body("role", hasItem("EXHIBITOR")).body("exhibition", hasItem((int) exhibition));
        Api.asAdmin().queryParam("entityType", "ExhibitorApplication").queryParam("entityId", String.valueOf(id))
                .get("/api/audit").then().statusCode(200).body("items.changes", hasItem(containsString("APPROVED")));

        TestMail.drain(ApplicationMails.PURPOSE + "%");
        List<MimeMessage> mails = MailServerResource.receivedBy(email);
        assertThat(mails).hasSize(3);
        assertThat(TestApplications.text(mails.get(1))).contains("Which products will you show?");
        assertThat(TestApplications.text(mails.get(2))).contains("is approved");

        // 27 m² at one badge per 9 m²: three staff
        String staff = "/api/exhibitor-applications/" + id + "/staff";
        for (int i = 1; i <= 3; i++) {
            Api.as(exhibitor).body(Map.of("name", "Staff " + i, "email", "staff" + i + "-" + u + "@lantern.test",
                    "role", "Sales")).post(staff).then().statusCode(201).body("name", equalTo("Staff " + i));
        }
        Api.as(exhibitor).body(Map.of("name", "Staff 4", "email", "staff4-" + u + "@lantern.test")).post(staff)
                .then().statusCode(409).contentType("application/problem+json");
        Api.as(exhibitor).body(Map.of("name", "Again", "email", "STAFF1-" + u + "@lantern.test")).post(staff)
                .then().statusCode(409);
        Api.as(exhibitor).get(staff).then().statusCode(200).body("total", equalTo(3)).body("quota", equalTo(3));

        Api.asAdmin().body(Map.of("quota", 2)).put("/api/exhibitor-applications/" + id + "/staff-quota")
                .then().statusCode(409);
        Api.asAdmin().body(Map.of("quota", 4)).put("/api/exhibitor-applications/" + id + "/staff-quota")
                .then().statusCode(200).body("quota", equalTo(4)).body("quotaOverridden", equalTo(true));
        long fourth = ((Number) Api.as(exhibitor).body(Map.of("name", "Staff 4", "email", "staff4-" + u + "@lantern.test"))
                .post(staff).then().statusCode(201).extract().path("id")).longValue();
        Api.as(exhibitor).delete(staff + "/" + fourth).then().statusCode(204);
        Api.as(exhibitor).get(staff).then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void submitsAtOnceMakeOneApplicationAndStaffAddsAtOnceStayWithinTheQuota() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String path = "/api/public/exhibitions/" + TestApplications.code(exhibition) + "/exhibitor-applications";
        Map<String, Object> form = TestApplications.form(TestApplications.unique(), 9);
        List<Integer> submits = parallel(6, i -> TestApplications.client().body(form).post(path).then().extract()
                .statusCode());
        assertThat(submits).containsOnly(200, 201).containsOnlyOnce(201);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/exhibitor-applications").then()
                .body("total", equalTo(1));
        TestMail.drain(ApplicationMails.PURPOSE + "%");
        assertThat(MailServerResource.receivedBy((String) form.get("email"))).hasSize(1);

        TestApplications.Applicant a = TestApplications.applicant(exhibition, 18, true);
        String exhibitor = a.token();
        String u = TestApplications.unique();
        List<Integer> adds = parallel(8, i -> Api.as(exhibitor).body(Map.of("name", "Crew " + i,
                        "email", "crew" + i + "-" + u + "@lantern.test"))
                .post("/api/exhibitor-applications/" + a.application() + "/staff").then().extract().statusCode());
        assertThat(adds.stream().filter(s -> s == 201)).hasSize(2);
        assertThat(adds.stream().filter(s -> s == 409)).hasSize(6);
    }

    private static List<Integer> parallel(int n, java.util.function.IntFunction<Integer> call) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<Integer> results = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : futures) {
                results.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputIsRefusedFieldByFieldAndStoresNothing() {
        long exhibition = TestExhibitions.june2027();
        String path = "/api/public/exhibitions/" + TestApplications.code(exhibition) + "/exhibitor-applications";
        Map<String, Object> form = TestApplications.form(TestApplications.unique(), 0);
        form.remove("legalName");
        form.put("email", "not an address");
        form.put("acceptTerms", false);
        form.put("boothType", "CASTLE");
        TestApplications.client().body(form).post(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("legalName", "email", "acceptTerms", "boothSizeSqm", "boothType"));
        TestApplications.client().body(Map.of()).post("/api/public/exhibitions/NO-SUCH-SHOW/exhibitor-applications")
                .then().statusCode(404);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/exhibitor-applications").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aFilledHoneypotIsAnsweredButStored() {
        long exhibition = TestExhibitions.june2027();
        Map<String, Object> form = TestApplications.form(TestApplications.unique(), 18);
        form.put("homepage", "http://spam.example");
        TestApplications.client().body(form).post("/api/public/exhibitions/" + TestApplications.code(exhibition)
                + "/exhibitor-applications").then().statusCode(202);
        Api.asAdmin().get("/api/exhibitions/" + exhibition + "/exhibitor-applications").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void oneAddressIsSlowedDownWith429() {
        long exhibition = TestExhibitions.june2027();
        String path = "/api/public/exhibitions/" + TestApplications.code(exhibition) + "/exhibitor-applications";
        String address = "198.19.7." + (System.nanoTime() % 200 + 1);
        int status = 0;
        for (int i = 0; i < 30 && status != 429; i++) {
            status = given().contentType(ContentType.JSON).header("X-Forwarded-For", address).body(Map.of())
                    .post(path).then().extract().statusCode();
        }
        assertThat(status).isEqualTo(429);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", address).body(Map.of()).post(path)
                .then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void anExpiredLinkConfirmsNothing() throws Exception {
        long exhibition = TestExhibitions.june2027();
        Map<String, Object> form = TestApplications.form(TestApplications.unique(), 9);
        long id = TestApplications.submit(exhibition, form);
        String token = TestApplications.confirmationToken((String) form.get("email"));
        QuarkusTransaction.requiringNew().run(() -> ExhibitorApplication.update(
                "confirmExpiresAt = ?1 where id = ?2", Instant.now().minusSeconds(60), id));
        TestApplications.client().body(Map.of("token", token)).post("/api/public/exhibitor-applications/confirmations")
                .then().statusCode(409);
        TestApplications.client().body(Map.of("token", "x".repeat(43)))
                .post("/api/public/exhibitor-applications/confirmations").then().statusCode(404);
        Api.asAdmin().get("/api/exhibitor-applications/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("user", nullValue());
    }

    @Test
    void aSecondApplicationOfTheCompanyAttachesToItsExhibitorAccount() throws Exception {
        long first = TestExhibitions.june2027();
        long second = TestExhibitions.june2027();
        TestApplications.Applicant applicant = TestApplications.applicant(first, 12, true);
        Map<String, Object> again = TestApplications.form(TestApplications.unique(), 12);
        String legalName = Api.asAdmin().get("/api/exhibitor-applications/" + applicant.application())
                .then().extract().path("legalName");
        again.put("legalName", legalName);
        again.put("creditCode", Api.asAdmin().get("/api/exhibitor-applications/" + applicant.application())
                .then().extract().path("creditCode"));
        long id = TestApplications.submit(second, again);
        String token = TestApplications.confirmationToken((String) again.get("email"));
        TestApplications.client().body(Map.of("token", token)).post("/api/public/exhibitor-applications/confirmations")
                .then().statusCode(200).body("username", equalTo(applicant.username()))
                .body("setupToken", nullValue());
        Api.as(applicant.token()).get("/api/exhibitors/" + applicant.organization() + "/applications")
                .then().statusCode(200).body("total", equalTo(2)).body("items.id", hasItem((int) id));
    }

    @Test
    void knowingAKnownCompanysCreditCodeOpensNoAccountUntilStaffApprove() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String u = TestApplications.unique();
        Map<String, Object> form = TestApplications.form(u, 9);
        // the company is already a customer, without an exhibitor account
        long company = ((Number) Api.asAdmin().body(Map.of("name", form.get("legalName"), "creditCode",
                        form.get("creditCode"), "country", "CN")).post("/api/organizations").then()
                .statusCode(201).extract().path("id")).longValue();
        form.put("email", "someone-" + u + "@elsewhere.test");
        long id = TestApplications.submit(exhibition, form);
        assertThat(((Number) Api.asAdmin().get("/api/exhibitor-applications/" + id).then().statusCode(200)
                .extract().path("organization")).longValue()).isEqualTo(company);

        String token = TestApplications.confirmationToken((String) form.get("email"));
        TestApplications.client().body(Map.of("token", token)).post("/api/public/exhibitor-applications/confirmations")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("username", nullValue()).body("setupToken", nullValue());

        Api.asAdmin().body(Map.of("decision", "APPROVE")).post("/api/exhibitor-applications/" + id + "/decisions")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        TestMail.drain(ApplicationMails.PURPOSE + "%");
        List<MimeMessage> mails = MailServerResource.receivedBy((String) form.get("email"));
        String approval = TestApplications.text(mails.get(mails.size() - 1));
        java.util.regex.Matcher setup = java.util.regex.Pattern.compile("/setup\\?token=([A-Za-z0-9_-]{43})")
                .matcher(approval);
        assertThat(setup.find()).as("setup link in the approval mail").isTrue();
    }

    @Test
    void twoClicksOnTheConfirmationLinkAtOnceMakeOneAccountAndNoError() throws Exception {
        long exhibition = TestExhibitions.june2027();
        Map<String, Object> form = TestApplications.form(TestApplications.unique(), 9);
        TestApplications.submit(exhibition, form);
        String token = TestApplications.confirmationToken((String) form.get("email"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> clicks = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clicks.add(pool.submit(() -> TestApplications.client().body(Map.of("token", token))
                        .post("/api/public/exhibitor-applications/confirmations").then().extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> click : clicks) {
                statuses.add(click.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).containsOnlyOnce(200);
        } finally {
            pool.shutdown();
        }
    }
}
