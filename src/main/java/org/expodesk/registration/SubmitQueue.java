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
import org.expodesk.platform.Foreground;
import org.expodesk.platform.db.SqlErrors;
import org.expodesk.platform.problem.ProblemException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    private record Waiting(Queued submit, CompletableFuture<Optional<Decided>> answer) {
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

    private static final Logger LOG = Logger.getLogger(SubmitQueue.class);

    /** Far longer than any batch takes while the database answers. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final LinkedBlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    void start(@Observes StartupEvent started) {
        running = writers > 0;
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::write, "registration-writer-" + i);
            writer.setDaemon(true);
            threads.add(writer);
            writer.start();
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        threads.forEach(Thread::interrupt);
        leaveQueuedAlone();
    }

    private void leaveQueuedAlone() {
        List<Waiting> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(w -> w.answer().complete(Optional.empty()));
    }

    /** The submit decided in a batch, or none: the caller decides it alone. */
    Optional<Decided> decide(Queued submit) {
        if (!running) {
            return Optional.empty();
        }
        Waiting waiting = new Waiting(submit, new CompletableFuture<>());
        queue.add(waiting);
        if (!running) {
            // stopped meanwhile: no writer will take it
            leaveQueuedAlone();
        }
        return await(waiting.answer());
    }

    /**
     * The batch's answer, or none (decide it alone) after {@link #LONGEST_WAIT}: a request never hangs on a writer that
     * is stuck or gone. Deciding alone while the batch still runs is safe: the registration's unique keys let only one
     * of them register it, and the other finds it registered.
     */
    private static Optional<Decided> await(CompletableFuture<Optional<Decided>> answer) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return answer.get(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | TimeoutException e) {
                    return Optional.empty();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write() {
        List<Waiting> taken = new ArrayList<>(maxBatch);
        while (running) {
            try {
                taken.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(taken, maxBatch - 1);
            if (taken.size() > 1) {
                // submits queue for the writers: work nobody waits for gives way meanwhile
                foreground.burst();
            }
            List<Waiting> batch = firstOfEachAddressAndKey(taken);
            try {
                List<Optional<Decided>> answers = registrations.registerTogether(
                        batch.stream().map(Waiting::submit).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer().complete(answers.get(i));
                }
            } catch (Throwable e) {
                // answered below: alone; the writer goes on, or every later submit would wait for LONGEST_WAIT
                if (expected(e)) {
                    LOG.debugf(e, "A batch of %d public submits was rolled back; each is decided alone", batch.size());
                } else {
                    LOG.warnf(e, "A batch of %d public submits failed; each is decided alone", batch.size());
                }
            } finally {
                // whatever happened, no request waits for this batch any longer; a repeated address or key is decided
                // alone now, after the batch committed, and finds the first one's registration as any later submit
                taken.forEach(w -> w.answer().complete(Optional.empty()));
                taken.clear();
            }
        }
    }

    /**
     * What a batch can meet and its submits answer alone as they always did: one refused after it wrote (its writes must
     * not stay), another submit of an address that got in first, a deadlock.
     */
    private static boolean expected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException) {
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
    private static List<Waiting> firstOfEachAddressAndKey(List<Waiting> taken) {
        Set<String> seen = new HashSet<>();
        List<Waiting> batch = new ArrayList<>(taken.size());
        for (Waiting w : taken) {
            Registrations.NewRegistration r = w.submit().registration();
            String email = r.email() == null ? "" : Outbox.normalize(r.email());
            String key = r.idempotencyKey() == null ? "" : r.idempotencyKey().trim().toLowerCase(Locale.ROOT);
            long edition = w.submit().edition().id;
            boolean repeated = !seen.add(edition + "|e|" + email);
            repeated |= !key.isEmpty() && !seen.add(edition + "|k|" + key);
            if (!repeated) {
                batch.add(w);
            }
        }
        return batch;
    }
}
