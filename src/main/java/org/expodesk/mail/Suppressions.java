package org.expodesk.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The suppression list that every send honours (docs/mail.md). */
@ApplicationScoped
public class Suppressions {

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** Marks a transaction that changed the list through this class (the only writer of it). */
    private static final String CHANGED = Suppressions.class.getName() + ".changed";

    /**
     * Whether the caller's transaction changed the list here, not yet flushed perhaps: {@link Outbox} reads the
     * list in SQL, so it flushes such changes first (a suppression made earlier in the transaction counts).
     */
    boolean changedInThisTransaction() {
        return transaction.getResource(CHANGED) != null;
    }

    private void changed() {
        transaction.putResource(CHANGED, Boolean.TRUE);
    }

    public Optional<Suppression.Reason> reasonFor(String address) {
        return Optional.ofNullable(Suppression.<Suppression>findById(Outbox.normalize(address))).map(s -> s.reason);
    }

    /**
     * Adds the address; a stronger reason replaces a weaker one (a bounce or a block stops more than
     * an unsubscribe), never the other way round.
     */
    @Transactional
    public void suppress(String address, Suppression.Reason reason, String detail) {
        String key = Outbox.normalize(address);
        changed();
        Suppression existing = Suppression.findById(key);
        if (existing != null) {
            if (existing.reason == Suppression.Reason.UNSUBSCRIBED && reason != Suppression.Reason.UNSUBSCRIBED) {
                existing.reason = reason;
                existing.detail = truncate(detail);
            }
            return;
        }
        Suppression row = new Suppression();
        row.address = key;
        row.reason = reason;
        row.detail = truncate(detail);
        row.createdAt = Instant.now(clock);
        row.persist();
    }

    @Transactional
    public boolean lift(String address) {
        changed();
        return Suppression.deleteById(Outbox.normalize(address));
    }

    /** Unsubscribes the recipient of the marketing mail that carried this token; false for an unknown token. */
    @Transactional
    public Optional<String> unsubscribe(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        Optional<OutboxMail> mail = OutboxMail.<OutboxMail>find("unsubscribeToken", token).firstResultOptional();
        mail.ifPresent(m -> suppress(m.recipient, Suppression.Reason.UNSUBSCRIBED, "link in mail " + m.id));
        return mail.map(m -> m.recipient);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }
}
