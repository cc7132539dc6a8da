package org.expodesk.checkin;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.badge.Badges;
import org.expodesk.platform.BatchWriters;

import java.util.Optional;

/**
 * Online scans of this instance, collected and decided together by a few writer threads
 * (docs/adr/0021-online-scans-decided-together.md): a writer takes whatever is queued when it is
 * free, up to {@code expodesk.checkin.scan-batch}, and never waits for more, so a scan alone is
 * decided at once. A scan the batch does not decide is recorded alone by its own request thread
 * through {@link ScanRecorder#record}, exactly as before batches.
 */
@ApplicationScoped
public class ScanQueue {

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

    private volatile BatchWriters<ScanBatchRecorder.Queued, Checkins.Answer> batchWriters;

    void start(@Observes StartupEvent started) {
        batchWriters = new BatchWriters<>("scan-writer", "online scans", maxBatch, batches::record, taken -> taken,
                failed -> false);
        batchWriters.start(writers);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (batchWriters != null) {
            batchWriters.stop();
        }
    }

    /**
     * Decides and records an online scan, in a batch or alone; as {@link ScanRecorder#record} answers and
     * refuses. Alone, an unproven code's signature is checked first, as it was before batches. Recording alone
     * while a batch that timed out still runs is safe: the scan id's unique key lets only one of them record it,
     * and the other answers from its row.
     */
    public Checkins.Answer record(Scanner who, ScanRecorder.Prepared p) {
        if (!p.offline() && batchWriters != null) {
            Optional<Checkins.Answer> answer = batchWriters.decide(new ScanBatchRecorder.Queued(who, p));
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        if (p.unproven() != null) {
            p = p.proven(who.isDevice() ? badges.verify(p.unproven(), p.exhibitionId()) : badges.verify(p.unproven()));
        }
        return recorder.record(who, p);
    }
}
