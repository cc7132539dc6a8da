package org.expodesk.ops.mail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.mail.MailRequest;
import org.expodesk.mail.MailStatus;
import org.expodesk.mail.MailTemplate;
import org.expodesk.mail.Outbox;
import org.expodesk.mail.OutboxMail;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

/** The outbox and suppression API: staff only, failed mail sent again, bad input refused. */
@QuarkusTest
class OutboxApiTest {

    private static final MailTemplate NOTE = new MailTemplate("Note for {name}", "Hello {name}", null);

    @Inject
    Outbox outbox;

    @Test
    void aMailWithAPersonalLinkIsSentAsWrittenButItsTextIsNotShownToStaff() throws Exception {
        String to = "private-" + UUID.randomUUID().toString().substring(0, 8) + "@outbox.test";
        long id = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(MailRequest.transactional(
                "private|" + to, "api-private", to, Locale.ENGLISH, NOTE, Map.of("name", "https://x.test/setup?token=s3cret"))
                .withPrivateLinks()).id());
        String staff = TestUsers.staff().token();
        Api.as(staff).get("/api/mail/outbox/" + id).then().statusCode(200)
                .body("privateLinks", equalTo(true)).body("text", org.hamcrest.Matchers.nullValue())
                .body("html", org.hamcrest.Matchers.nullValue());
        org.expodesk.mail.TestMail.drain("api-private");
        assertThat(org.expodesk.testing.MailServerResource.textOf(
                org.expodesk.testing.MailServerResource.receivedBy(to).get(0))).contains("s3cret");
    }

    @Test
    void staffFindAMailByRecipientAndStatusAndSendAFailedOneAgainButNotASentOne() {
        String to = "api-" + UUID.randomUUID().toString().substring(0, 8) + "@outbox.test";
        long id = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(MailRequest.transactional(
                "api|" + to, "api-test", to, Locale.ENGLISH, NOTE, Map.of("name", "Kim"))).id());
        QuarkusTransaction.requiringNew().run(() ->
                OutboxMail.update("status = ?1, attempts = 3, lastError = '451 busy' where id = ?2", MailStatus.FAILED, id));
        String staff = TestUsers.staff().token();

        Api.as(staff).queryParam("recipient", to).queryParam("status", "failed").get("/api/mail/outbox")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains((int) id))
                .body("items[0].lastError", equalTo("451 busy"))
                .body("byStatus.FAILED", greaterThanOrEqualTo(1));
        Api.as(staff).get("/api/mail/outbox/" + id).then().statusCode(200).body("text", equalTo("Hello Kim"));

        Api.as(staff).post("/api/mail/outbox/" + id + "/resend").then().statusCode(200).body("status", equalTo("PENDING"));
        OutboxMail again = QuarkusTransaction.requiringNew().call(() -> OutboxMail.findById(id));
        // the tries start again from none (the background sender may already have made the first)
        assertThat(again.attempts).isEqualTo(again.status == MailStatus.SENT ? 1 : 0);

        QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("status = ?1 where id = ?2", MailStatus.SENT, id));
        Api.as(staff).post("/api/mail/outbox/" + id + "/resend").then().statusCode(409)
                .contentType("application/problem+json");
        Api.as(staff).post("/api/mail/outbox/999999999/resend").then().statusCode(404);
        Api.as(staff).queryParam("status", "lost").get("/api/mail/outbox").then().statusCode(400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void staffBlockAnAddressAndLiftItAgainAndAMalformedAddressIsRefused() {
        String staff = TestUsers.staff().token();
        String address = "Block-" + UUID.randomUUID().toString().substring(0, 8) + "@outbox.test";
        Api.as(staff).contentType("application/json").body(Map.of("address", address, "detail", "asked by phone"))
                .post("/api/mail/suppressions").then().statusCode(201)
                .body("address", equalTo(address.toLowerCase(Locale.ROOT)))
                .body("reason", equalTo("BLOCKED"));
        Api.as(staff).get("/api/mail/suppressions").then().statusCode(200)
                .body("items.address", hasItem(address.toLowerCase(Locale.ROOT)));
        Api.as(staff).delete("/api/mail/suppressions/" + address).then().statusCode(204);
        Api.as(staff).delete("/api/mail/suppressions/" + address).then().statusCode(404);
        Api.as(staff).contentType("application/json").body(Map.of("address", "not an address"))
                .post("/api/mail/suppressions").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void exhibitorsAndAnonymousCallersAreRefused() {
        String exhibitor = TestUsers.exhibitor(TestOrganizations.create()).token();
        Api.as(exhibitor).get("/api/mail/outbox").then().statusCode(403);
        Api.as(exhibitor).get("/api/mail/suppressions").then().statusCode(403);
        Api.as(exhibitor).post("/api/mail/outbox/1/resend").then().statusCode(403);
        Api.as(exhibitor).contentType("application/json").body(Map.of("address", "x@y.test"))
                .post("/api/mail/suppressions").then().statusCode(403);
        given().get("/api/mail/outbox").then().statusCode(401);
        given().get("/api/mail/suppressions").then().statusCode(401);
    }
}
