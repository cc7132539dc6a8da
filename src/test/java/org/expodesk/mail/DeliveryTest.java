package org.expodesk.mail;

import io.vertx.ext.mail.SMTPException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** How the sender reads what the SMTP client reports (the exceptions are the mail client's own). */
class DeliveryTest {

    @Test
    void anAddressTheServerDoesNotKnowIsABounce() {
        Delivery delivery = Delivery.of(new CompletionException(reply(550, "5.1.1 <x@example.com>: user unknown")));
        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.ADDRESS_REFUSED);
        assertThat(delivery.detail()).contains("user unknown");
        assertThat(Delivery.of(reply(553, "mailbox name not allowed")).outcome()).isEqualTo(Delivery.Outcome.ADDRESS_REFUSED);
    }

    @Test
    void anotherPermanentRefusalFailsThisMailOnly() {
        assertThat(Delivery.of(reply(554, "content rejected")).outcome()).isEqualTo(Delivery.Outcome.REFUSED_FOR_GOOD);
        assertThat(Delivery.of(reply(552, "too big")).outcome()).isEqualTo(Delivery.Outcome.REFUSED_FOR_GOOD);
    }

    @Test
    void aTemporaryRefusalIsTriedAgain() {
        assertThat(Delivery.of(reply(451, "local error")).outcome()).isEqualTo(Delivery.Outcome.REFUSED_FOR_NOW);
        assertThat(Delivery.of(reply(450, "mailbox busy")).outcome()).isEqualTo(Delivery.Outcome.REFUSED_FOR_NOW);
    }

    @Test
    void aServerClosingTheConnectionCostsTheMailNoTry() {
        // GreenMail's own words after it waited 30 s on a connection; the sender tries a fresh one at once
        Delivery delivery = Delivery.of(reply(421, "Service shutting down and closing transmission channel (socket timeout, SO_TIMEOUT: 30000ms)"));
        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.SERVER_DOWN);
        assertThat(delivery.notConnected()).isFalse();
        assertThat(delivery.detail()).contains("closing transmission channel");
    }

    @Test
    void noReplyAtAllMeansTheServerIsDown() {
        Delivery delivery = Delivery.of(new RuntimeException(new ConnectException("Connection refused")));
        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.SERVER_DOWN);
        assertThat(delivery.detail()).contains("Connection refused");
        assertThat(delivery.notConnected()).isTrue();
    }

    @Test
    void aConnectionThatBrokeIsNotTheSameAsNoConnection() {
        Delivery delivery = Delivery.of(new RuntimeException(new java.io.IOException("Connection reset")));
        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.SERVER_DOWN);
        assertThat(delivery.detail()).contains("RuntimeException").contains("Connection reset");
        assertThat(delivery.notConnected()).isFalse();
    }

    private static SMTPException reply(int code, String text) {
        return new SMTPException("sending failed", code, List.of(code + " " + text), code >= 500);
    }
}
