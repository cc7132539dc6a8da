package org.expodesk.checkin;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.badge.Badges;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Online scans of this instance, collected and decided together by a few writer threads
 * (docs/adr/0021-online-scans-decided-together.md): a writer takes whatever is queued when it is
 * free, up to {@code expodesk.checkin.scan-batch}, and never waits for more, so a scan alone is
 * decided at once. A scan the batch does not decide is recorded alone by its own request thread
 * through {@link ScanRecorder#record}, exactly as before batches.
 */
@ApplicationScoped
public class ScanQueue {

    private record Waiting(ScanBatchRecorder.Queued scan, CompletableFuture<Optional<Checkins.Answer>> answer) {
    }

    @Inject
    ScanBatchRecorder batches;

    @Inject
    ScanRecorder recorder;

    @Inject
    Badges badges;

    /** 0: no batches, every scan alone. */
    @ConfigProperty(name = "expodesk.checkin.scan-writers", defaultValue = "2")
    int writers;

    @ConfigProperty(name = "expodesk.checkin.scan-batch", defaultValue = "32")
    int maxBatch;

    private static final Logger LOG = Logger.getLogger(ScanQueue.class);

    /** Far longer than any batch takes while the database answers. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final LinkedBlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    void start(@Observes StartupEvent started) {
        running = writers > 0;
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::write, "scan-writer-" + i);
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

    /**
     * Decides and records an online scan, in a batch or alone; as {@link ScanRecorder#record} answers and
     * refuses. Alone, an unproven code's signature is checked first, as it was before batches.
     */
    public Checkins.Answer record(Scanner who, ScanRecorder.Prepared p) {
        if (running && !p.offline()) {
            Waiting waiting = new Waiting(new ScanBatchRecorder.Queued(who, p), new CompletableFuture<>());
            queue.add(waiting);
            if (!running) {
                // stopped meanwhile: no writer will take it
                leaveQueuedAlone();
            }
            Optional<Checkins.Answer> answer = await(waiting.answer());
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        if (p.unproven() != null) {
            p = p.proven(who.isDevice() ? badges.verify(p.unproven(), p.exhibitionId()) : badges.verify(p.unproven()));
        }
        return recorder.record(who, p);
    }

    /**
     * The batch's answer, or none (record it alone) after {@link #LONGEST_WAIT}: a request never hangs on a
     * writer that is stuck or gone. Recording alone while the batch still runs is safe: the scan id's unique
     * key lets only one of them record it, and the other answers from its row.
     */
    private static Optional<Checkins.Answer> await(CompletableFuture<Optional<Checkins.Answer>> answer) {
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
        List<Waiting> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            try {
                List<Optional<Checkins.Answer>> answers = batches.record(batch.stream().map(Waiting::scan).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer().complete(answers.get(i));
                }
            } catch (Throwable e) {
                // answered below: alone; the writer goes on, or every later scan would wait for LONGEST_WAIT
                LOG.errorf(e, "A batch of %d online scans failed; each is recorded alone", batch.size());
            } finally {
                // whatever happened, no request waits for this batch any longer
                batch.forEach(w -> w.answer().complete(Optional.empty()));
                batch.clear();
            }
        }
    }
}
