package org.expodesk.party.dedup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.party.Organization;
import org.expodesk.party.Person;
import org.expodesk.platform.problem.ProblemException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole database looked through for duplicates, on demand and in the background (docs/dedup.md):
 * record after record in id order, a chunk per transaction, each record through its matcher (so a
 * scan only compares within blocks, never all pairs). Pairs go into the review queue, sure ones
 * marked so: a scan never merges. A pair already in the queue, in either order and whatever its
 * status, is not added again, so a scan can be run again at any time. The state is in the database;
 * a scan whose node stopped is taken over by the next start of one of its kind.
 */
@ApplicationScoped
public class DedupScans {

    private static final Logger LOG = Logger.getLogger(DedupScans.class);
    static final int CHUNK = 100;
    /** A running scan that has not moved for this long is taken to be dead. */
    private static final Duration STALE = Duration.ofMinutes(10);

    @Inject
    Clock clock;

    @Inject
    OrganizationMatcher organizations;

    @Inject
    PersonMatcher people;

    @Inject
    ReviewQueue review;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dedup-scan");
        t.setDaemon(true);
        return t;
    });

    /** {@code organizations} or {@code people}; one scan of a kind at a time. */
    @Transactional
    public DedupScan start(String kind, String by) {
        String k = kind == null ? "" : switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "organizations", "organization" -> "ORGANIZATION";
            case "people", "person" -> "PERSON";
            default -> "";
        };
        if (k.isEmpty()) {
            throw ProblemException.invalid("kind", "party_scanKindInvalid");
        }
        Instant staleBefore = Instant.now(clock).minus(STALE);
        for (DedupScan running : DedupScan.<DedupScan>list("kind = ?1 and status = ?2", k, DedupScan.RUNNING)) {
            if (running.updatedAt.isAfter(staleBefore)) {
                throw ProblemException.conflict("A scan of these records is already running: " + running.id);
            }
            running.status = DedupScan.FAILED;
            running.finishedAt = Instant.now(clock);
        }
        DedupScan scan = new DedupScan();
        scan.kind = k;
        scan.startedBy = by;
        scan.total = "ORGANIZATION".equals(k) ? Organization.count("mergedInto is null")
                : Person.count("mergedInto is null");
        scan.persist();
        return scan;
    }

    /** Runs a started scan in the background; call after the start has committed. */
    public void launch(long scanId) {
        runner.submit(() -> run(scanId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DedupScan get(long id) {
        DedupScan scan = DedupScan.findById(id);
        if (scan == null) {
            throw ProblemException.notFound("Scan");
        }
        return scan;
    }

    void run(long scanId) {
        try {
            boolean more = true;
            while (more) {
                more = QuarkusTransaction.requiringNew().call(() -> chunk(scanId));
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Duplicate scan %d failed", scanId);
            QuarkusTransaction.requiringNew().run(() -> {
                DedupScan scan = DedupScan.findById(scanId);
                scan.status = DedupScan.FAILED;
                scan.finishedAt = Instant.now(clock);
            });
        }
    }

    /** One chunk of records; false when the scan is over. */
    boolean chunk(long scanId) {
        DedupScan scan = DedupScan.findById(scanId);
        if (scan == null || !DedupScan.RUNNING.equals(scan.status)) {
            return false;
        }
        int seen;
        if ("ORGANIZATION".equals(scan.kind)) {
            List<Organization> chunk = Organization.<Organization>find("id > ?1 and mergedInto is null order by id",
                    scan.lastId).page(0, CHUNK).list();
            for (Organization o : chunk) {
                for (OrganizationMatcher.Match m : organizations.matches(o)) {
                    scan.found += pair(scan.kind, o.id, m.organizationId(), m.score(), m.reasons(),
                            m.verdict() == OrganizationMatcher.Verdict.SURE);
                }
                scan.lastId = o.id;
            }
            seen = chunk.size();
        } else {
            List<Person> chunk = Person.<Person>find("id > ?1 and mergedInto is null order by id", scan.lastId)
                    .page(0, CHUNK).list();
            for (Person p : chunk) {
                for (PersonMatcher.Match m : people.matches(p)) {
                    scan.found += pair(scan.kind, p.id, m.person().id, m.score(), m.reasons(),
                            m.verdict() == PersonMatcher.Verdict.SURE);
                }
                scan.lastId = p.id;
            }
            seen = chunk.size();
        }
        scan.done = Math.min(scan.total, scan.done + seen);
        if (seen < CHUNK) {
            scan.done = scan.total;
            scan.status = DedupScan.DONE;
            scan.finishedAt = Instant.now(clock);
            return false;
        }
        return true;
    }

    /** The newer record is the one that came in, as when a create finds a look-alike. */
    private int pair(String kind, long a, long b, double score, List<String> reasons, boolean sure) {
        return review.proposeOnce(kind, Math.max(a, b), Math.min(a, b), score, String.join(", ", reasons), sure) ? 1 : 0;
    }

    void stop(@Observes ShutdownEvent event) {
        runner.shutdownNow();
    }
}
