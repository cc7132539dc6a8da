package org.expodesk.mail;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Test help around the outbox. */
public final class TestMail {

    private static final List<MailStatus> IN_FLIGHT = List.of(MailStatus.CLAIMED, MailStatus.SENDING);

    private TestMail() {
    }

    /** A mail put back after a passing failure (a stale pooled connection, a 4xx) is due again within this. */
    private static final long SOON_SECONDS = 30;

    /**
     * Runs the sender until no mail whose purpose is {@code like} {@code purposes} is due, due soon
     * or in flight (the scheduled sender may hold a batch meanwhile, and a mail that met a passing
     * SMTP failure waits a second or two before its next try), and says what is left if that takes
     * over a minute.
     */
    public static void drain(String purposes) throws Exception {
        MailSender sender = Arc.container().instance(MailSender.class).get();
        long deadline = System.currentTimeMillis() + 60_000;
        while (open(purposes) > 0 && System.currentTimeMillis() < deadline) {
            sender.sendDue();
            Thread.sleep(50);
        }
        List<String> left = QuarkusTransaction.requiringNew().call(() -> OutboxMail.getEntityManager().createQuery(
                        "select concat(m.status, ' ', coalesce(m.lastError, ''), ' x', count(m)) from OutboxMail m "
                                + "where m.purpose like ?1 and (m.status in ?2 or (m.status = ?3 and m.nextAttemptAt <= ?4)) "
                                + "group by m.status, m.lastError", String.class)
                .setParameter(1, purposes).setParameter(2, IN_FLIGHT).setParameter(3, MailStatus.PENDING)
                .setParameter(4, soon()).getResultList());
        assertThat(left).as("mails still to send").isEmpty();
    }

    private static long open(String purposes) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.count(
                "purpose like ?1 and (status in ?2 or (status = ?3 and nextAttemptAt <= ?4))",
                purposes, IN_FLIGHT, MailStatus.PENDING, soon()));
    }

    private static Instant soon() {
        return Instant.now().plusSeconds(SOON_SECONDS);
    }
}
