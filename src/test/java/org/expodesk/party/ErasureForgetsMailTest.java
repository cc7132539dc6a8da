package org.expodesk.party;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.mail.MailRequest;
import org.expodesk.mail.MailStatus;
import org.expodesk.mail.MailTemplate;
import org.expodesk.mail.Outbox;
import org.expodesk.mail.OutboxMail;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Erasing a person also forgets what the mail outbox holds of their addresses. */
@QuarkusTest
class ErasureForgetsMailTest {

    private static final MailTemplate NOTE = new MailTemplate("For {name}", "Dear {name}", null);

    @Inject
    Outbox outbox;

    @Test
    void mailNotYetSentIsDroppedAndSentMailKeepsOnlyThatItWent() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String primary = "li.na." + u + "@example.cn";
        String further = "na.li." + u + "@example.com";
        long person = ((Number) Api.asAdmin().body(Map.of("familyName", "Li", "givenName", "Na", "email", primary))
                .post("/api/people").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("kind", "email", "value", further)).post("/api/people/" + person + "/contacts")
                .then().statusCode(200);
        long sent = queue("thanks|" + primary, primary);
        // waiting for its next try, set in the same transaction so the sender job cannot take it first
        long waiting = QuarkusTransaction.requiringNew().call(() -> {
            long id = outbox.enqueue(MailRequest.transactional("offer|" + further, "erasure-test", further,
                    Locale.ENGLISH, NOTE, Map.of("name", "Li Na"))).id();
            OutboxMail.update("nextAttemptAt = ?1 where id = ?2", java.time.Instant.now().plusSeconds(3600), id);
            return id;
        });
        QuarkusTransaction.requiringNew().run(() ->
                OutboxMail.update("status = ?1 where id = ?2", MailStatus.SENT, sent));

        Api.asAdmin().body(Map.of("reason", "asked at the desk")).post("/api/people/" + person + "/erase")
                .then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(OutboxMail.<OutboxMail>findById(waiting)).isNull();
            OutboxMail kept = OutboxMail.findById(sent);
            assertThat(kept.status).isEqualTo(MailStatus.SENT);
            assertThat(kept.purpose).isEqualTo("erasure-test");
            assertThat(kept.recipient).doesNotContain("li.na");
            assertThat(kept.mailKey).doesNotContain("li.na");
            assertThat(kept.textBody).isEqualTo("[erased]");
            assertThat(OutboxMail.count("recipient in ?1", java.util.List.of(primary, further))).isZero();
        });
    }

    private long queue(String key, String to) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(MailRequest.transactional(key, "erasure-test",
                to, Locale.ENGLISH, NOTE, Map.of("name", "Li Na"))).id());
    }
}
