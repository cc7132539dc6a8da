package org.expodesk.registration;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.audit.AuditLog;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.mail.Outbox;
import org.expodesk.platform.BatchWriters;
import org.expodesk.platform.Foreground;
import org.expodesk.platform.db.SqlErrors;
import org.expodesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The public submits of this node, collected and decided together by a few writer threads, each batch in one
 * transaction (docs/adr/0031-public-submits-decided-together.md), as online scans are (ADR 0021): a writer takes
 * whatever is queued when it is free, up to {@code expodesk.registration.submit-batch}, and never waits for more, so
 * a submit alone is decided at once. A submit the batch does not decide (a batch that failed, a second submit of an
 * address or key the batch has already) is decided alone by its own request thread, exactly as before batches.
 */
@ApplicationScoped
public class SubmitQueue {

    /** A public submit as its request thread hands it over: {@code who} sent it, from where (for its audit entries). */
    record Queued(Exhibition edition, Registrations.NewRegistration registration, AuditLog.Who who, long badgeId) {
    }

    /** How the batch decided a submit: registered (or found registered), or refused before anything was written. */
    record Decided(Registrations.Outcome outcome, ProblemException refused) {

        Registrations.Outcome outcomeOrThrow() {
            if (refused != null) {
                throw refused;
            }
            return outcome;
        }
    }

    @Inject
    Registrations registrations;

    @Inject
    Foreground foreground;

    /** 0: no batches, every submit alone. */
    @ConfigProperty(name = "expodesk.registration.submit-writers", defaultValue = "2")
    int writers;

    @ConfigProperty(name = "expodesk.registration.submit-batch", defaultValue = "32")
    int maxBatch;

    private volatile BatchWriters<Queued, Decided> batchWriters;

    void start(@Observes StartupEvent started) {
        BatchWriters<Queued, Decided> writing = new BatchWriters<>("registration-writer", "public submits", maxBatch,
                registrations::registerTogether, SubmitQueue::firstOfEachAddressAndKey, SubmitQueue::expected);
        writing.onTaken(size -> {
            if (size > 1) {
                // submits queue for the writers: work nobody waits for gives way meanwhile
                foreground.burst();
            }
        });
        writing.start(writers);
        batchWriters = writing;
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (batchWriters != null) {
            batchWriters.stop();
        }
    }

    /** Whether writers take submits (a submit queued otherwise is answered none at once). */
    boolean running() {
        BatchWriters<Queued, Decided> writing = batchWriters;
        return writing != null && writing.running();
    }

    /**
     * The submit decided in a batch, or none: the caller decides it alone. Deciding alone while a batch that timed out
     * still runs is safe: the registration's unique keys let only one of them register it, and the other finds it
     * registered. A repeated address or key is decided alone after its batch, and finds the first one's registration
     * as any later submit would.
     */
    Optional<Decided> decide(Queued submit) {
        BatchWriters<Queued, Decided> writing = batchWriters;
        return writing == null ? Optional.empty() : writing.decide(submit);
    }

    /**
     * What a batch can meet and its submits answer alone as they always did: one refused after it wrote (its writes must
     * not stay), another submit of an address that got in first, a deadlock.
     */
    private static boolean expected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException || t instanceof Registrations.BatchMarkedForRollback) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                return SqlErrors.isLockConflict(sql) || sql.getErrorCode() == 1062;
            }
        }
        return false;
    }

    /**
     * The submits of a batch but those of an address or idempotency key an earlier one in it has: within one
     * transaction the second would not see the first's registration, whose insert waits for the flush.
     */
    private static List<Queued> firstOfEachAddressAndKey(List<Queued> taken) {
        Set<String> seen = new HashSet<>();
        List<Queued> batch = new ArrayList<>(taken.size());
        for (Queued w : taken) {
            Registrations.NewRegistration r = w.registration();
            String email = r.email() == null ? "" : Outbox.normalize(r.email());
            String key = r.idempotencyKey() == null ? "" : r.idempotencyKey().trim().toLowerCase(Locale.ROOT);
            long edition = w.edition().id;
            boolean repeated = !seen.add(edition + "|e|" + email);
            repeated |= !key.isEmpty() && !seen.add(edition + "|k|" + key);
            if (!repeated) {
                batch.add(w);
            }
        }
        return batch;
    }
}
