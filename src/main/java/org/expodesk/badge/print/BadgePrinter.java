package org.expodesk.badge.print;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.badge.Badge;
import org.expodesk.badge.BadgePdfs;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Makes print jobs' PDFs in the background, as imports run (docs/adr/0006-imports-run-as-jobs.md):
 * the job row is claimed with one conditional update, progress is written as pages are drawn, and a
 * clustered sweep hands out jobs queued but never started and jobs whose node stopped reporting
 * progress (begun again: a half-written PDF cannot be carried on). The sweep also drops PDFs kept
 * past {@code expodesk.badge.print-job.keep-for}.
 */
@ApplicationScoped
public class BadgePrinter {

    private static final Logger LOG = Logger.getLogger(BadgePrinter.class);
    static final int PART_SIZE = 1024 * 1024;

    @Inject
    BadgePrintJobs jobs;

    @Inject
    BadgePdfs pdfs;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "expodesk.badge.print-job.keep-for", defaultValue = "1D")
    Duration keepFor;

    /** A running job that reported no progress for this long is taken to have lost its node. */
    @ConfigProperty(name = "expodesk.badge.print-job.stale-after", defaultValue = "2M")
    Duration staleAfter;

    // one at a time per node: a job uses a core for seconds; more would only slow each other
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "expodesk-badge-print");
        t.setDaemon(true);
        return t;
    });

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) BadgePrintQueued queued) {
        submit(queued.jobId());
    }

    /** Hands out jobs waiting or abandoned, and drops PDFs past their time; every 30 s on one node. */
    @Scheduled(identity = "badge-print-sweep", every = "30s", delayed = "30s")
    public void sweep() {
        Instant now = Instant.now(clock);
        QuarkusTransaction.requiringNew().run(() -> expire(now));
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> BadgePrintJob.<BadgePrintJob>list(
                        "(status = ?1 and updatedAt < ?2) or (status = ?3 and claimedAt < ?4)",
                        BadgePrintJob.Status.QUEUED, now.minusSeconds(30), BadgePrintJob.Status.RUNNING,
                        now.minus(staleAfter))
                .stream().map(j -> j.id).toList());
        ids.forEach(this::submit);
    }

    /** Drops the PDFs of jobs past their time; the job stays listed as EXPIRED. */
    void expire(Instant now) {
        for (BadgePrintJob job : BadgePrintJob.<BadgePrintJob>list("status = ?1 and expiresAt < ?2",
                BadgePrintJob.Status.DONE, now)) {
            em.createNativeQuery("DELETE FROM badge_print_file WHERE job_id = ?1").setParameter(1, job.id).executeUpdate();
            job.status = BadgePrintJob.Status.EXPIRED;
            job.updatedAt = now;
        }
    }

    private void submit(long id) {
        executor.submit(() -> {
            try {
                run(id);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Badge print job %d failed", id);
                QuarkusTransaction.requiringNew().run(() -> {
                    BadgePrintJob job = BadgePrintJob.findById(id);
                    if (job != null && job.status == BadgePrintJob.Status.RUNNING) {
                        job.status = BadgePrintJob.Status.FAILED;
                        job.finishedAt = Instant.now(clock);
                        job.updatedAt = job.finishedAt;
                    }
                });
            }
        });
    }

    /** Claims the job and makes its PDF in the calling thread; false when another node holds it or it is over. */
    public boolean run(long id) {
        Instant now = Instant.now(clock);
        int claimed = QuarkusTransaction.requiringNew().call(() -> em.createQuery("update BadgePrintJob set status = ?1,"
                        + " claimedAt = ?2, updatedAt = ?2, done = 0 where id = ?3 and (status = ?4 or (status = ?1 and claimedAt < ?5))")
                .setParameter(1, BadgePrintJob.Status.RUNNING).setParameter(2, now).setParameter(3, id)
                .setParameter(4, BadgePrintJob.Status.QUEUED).setParameter(5, now.minus(staleAfter)).executeUpdate());
        if (claimed == 0) {
            return false;
        }
        record Work(List<Badge> badges, BadgePdfs.Layout layout) {
        }
        Work work = QuarkusTransaction.requiringNew().call(() -> {
            BadgePrintJob job = BadgePrintJob.findById(id);
            List<Badge> badges = jobs.badges(job);
            job.total = badges.size();
            return new Work(badges, job.layout);
        });
        Path file = null;
        try {
            file = Files.createTempFile("expodesk-badges-" + id + "-", ".pdf");
            int step = Math.max(1, work.badges().size() / 50);
            try (OutputStream out = Files.newOutputStream(file)) {
                // the drawing reads edition names; a transaction of its own, long enough for a big batch
                QuarkusTransaction.requiringNew().timeout(900).run(() -> pdfs.many(work.badges(), work.layout(), out,
                        drawn -> {
                            if (drawn % step == 0) {
                                progress(id, drawn);
                            }
                        }));
            }
            store(id, file);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary directory
                }
            }
        }
    }

    private void progress(long id, int drawn) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update BadgePrintJob set done = ?1, claimedAt = ?2,"
                        + " updatedAt = ?2 where id = ?3 and status = ?4").setParameter(1, drawn)
                .setParameter(2, Instant.now(clock)).setParameter(3, id).setParameter(4, BadgePrintJob.Status.RUNNING)
                .executeUpdate());
    }

    /** The PDF in parts and the job DONE, in one transaction: a download sees all of the file or none. */
    private void store(long id, Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                BadgePrintJob job = BadgePrintJob.findById(id);
                if (job.status != BadgePrintJob.Status.RUNNING) {
                    return;
                }
                em.createNativeQuery("DELETE FROM badge_print_file WHERE job_id = ?1").setParameter(1, id).executeUpdate();
                try {
                    int part = 0;
                    byte[] buffer;
                    while ((buffer = in.readNBytes(PART_SIZE)).length > 0) {
                        em.createNativeQuery("INSERT INTO badge_print_file (job_id, part_no, content) VALUES (?1, ?2, ?3)")
                                .setParameter(1, id).setParameter(2, part++).setParameter(3, buffer).executeUpdate();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Instant now = Instant.now(clock);
                job.status = BadgePrintJob.Status.DONE;
                job.done = job.total;
                job.fileSize = size;
                job.finishedAt = now;
                job.updatedAt = now;
                job.expiresAt = now.plus(keepFor);
            });
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
