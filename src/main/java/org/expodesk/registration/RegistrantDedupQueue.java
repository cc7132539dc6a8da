package org.expodesk.registration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.audit.AuditLog;
import org.expodesk.party.dedup.KeyLocks;
import org.expodesk.platform.DaemonThreads;
import org.expodesk.platform.db.UtcColumns;
import org.expodesk.platform.problem.ProblemException;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * The registrants the submits stored as typed, deduplicated after the commit in batches (ADR 0024): each submit
 * queues its registration ({@code registration_dedup}) and wakes this node's worker once its transaction has
 * committed; a clustered sweep wakes one node for leftovers (another node's, or a crash's). A batch claims its
 * rows with {@code FOR UPDATE SKIP LOCKED} (two nodes never take the same row) and decides them in one
 * transaction ({@link RegistrantDedup}); a batch that fails is decided again row by row, and a row that fails is
 * retried after {@code retry-after}, up to {@code max-attempts}, then kept with its error for staff.
 */
@ApplicationScoped
public class RegistrantDedupQueue {

    private static final Logger LOG = Logger.getLogger(RegistrantDedupQueue.class);

    /** Fired in a submit's transaction; the worker wakes when it has committed. */
    record Queued() {
    }

    /** A registration whose registrant is not deduplicated yet; {@code failed}: not retried by itself any more. */
    public record Pending(int attempts, String error, boolean failed) {
    }

    /** A claimed row, with what locking its company's key needs. */
    private record Claimed(long registrationId, long personId, String organizationName, String country) {
    }

    @Inject
    EntityManager em;

    @Inject
    RegistrantDedup dedup;

    @Inject
    KeyLocks keyLocks;

    @Inject
    AuditLog auditLog;

    @Inject
    Event<Queued> queued;

    @Inject
    Clock clock;

    @ConfigProperty(name = "expodesk.registration.dedup.batch-size", defaultValue = "50")
    int batchSize;

    @ConfigProperty(name = "expodesk.registration.dedup.max-attempts", defaultValue = "3")
    int maxAttempts;

    @ConfigProperty(name = "expodesk.registration.dedup.retry-after", defaultValue = "1M")
    Duration retryAfter;

    @ConfigProperty(name = "expodesk.registration.dedup.after-commit", defaultValue = "true")
    boolean afterCommit;

    /** Whether the worker runs by itself (after each submit, and on the sweep); tests switch it off. */
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean woken = new AtomicBoolean();
    // one drain at a time per node (the worker's, or a caller's of runPending): two would take turns on the same
    // company keys, one of them inside KeyLocks' own short transaction, which InnoDB cannot see waiting
    private final ReentrantLock draining = new ReentrantLock();
    private volatile LongPredicate failing = id -> false;

    // one worker per node: a batch's company key locks would only make a second one wait
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("expodesk-registrant-dedup"));

    /** Queues the registration's registrant, in the submit's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(long registrationId, long personId) {
        queueAll(List.of(new long[] {registrationId, personId}));
    }

    /**
     * {@link #queue} for several registrations ({@code [registration id, person id]} each) in one statement: the
     * public submits a node decides together (ADR 0031).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueAll(List<long[]> registrationsAndPeople) {
        if (registrationsAndPeople.isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock);
        // plain JDBC on the transaction's connection: a native update through Hibernate goes through every entity
        // type it knows to clear their caches (about 5 % of a public submit's CPU); the registrations and people it
        // names are in the database already (written before this by their caller)
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO registration_dedup"
                    + " (registration_id, person_id, queued_at, retry_at) VALUES " + String.join(", ",
                    java.util.Collections.nCopies(registrationsAndPeople.size(), "(?, ?, ?, ?)")))) {
                int i = 1;
                for (long[] row : registrationsAndPeople) {
                    insert.setLong(i++, row[0]);
                    insert.setLong(i++, row[1]);
                    UtcColumns.bind(insert, i++, now);
                    UtcColumns.bind(insert, i++, now);
                }
                insert.executeUpdate();
            }
        });
        queued.fire(new Queued());
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued event) {
        wake();
    }

    /** Wakes one node for what is left: another node's rows, a crash's, rows due again. */
    @Scheduled(identity = "registration-dedup-sweep", every = "${expodesk.registration.dedup.sweep-every:30s}",
            delayed = "30s")
    void sweep() {
        wake();
    }

    private void wake() {
        if (!afterCommit || !running.get() || !woken.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            // cleared first: a submit that commits while this runs wakes the worker again
            woken.set(false);
            try {
                drain(false);
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    LOG.debug("Deduplicating registrants stopped on shutdown; the rows stay queued");
                } else {
                    LOG.errorf(e, "Deduplicating registrants stopped; the sweep takes it up again");
                }
            }
        });
    }

    /**
     * No batch starts after shutdown begins; one running is interrupted and its transaction rolled back, so its
     * claimed rows stay queued as they were (a claim is only a row lock) for the next start or another node.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        running.set(false);
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Deduplicating registrants did not stop within 10 s; its batch is rolled back with the connection");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Decides every row due now, failed ones aside, in the calling thread, and waits for rows another thread holds
     * (this node's worker) to be decided; the number decided here. For tests, with the worker switched off or on.
     */
    public int runPending() {
        int decided = drain(true);
        Instant until = Instant.now().plusSeconds(60);
        while (held() && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            decided += drain(true);
        }
        return decided;
    }

    /** Decides every row due now that no other transaction holds, failed ones aside, in the calling thread; for tests. */
    int runDue() {
        return drain(true);
    }

    /** Tests only: waits until the worker has run what it was handed before this call. */
    void awaitIdle() {
        try {
            worker.submit(() -> { }).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the worker did not get idle", e);
        }
    }

    /** Switches the worker off (tests that decide when rows are deduplicated) or on again. */
    public void runByItself(boolean on) {
        running.set(on);
    }

    /** Tests only: the registrations for which deduplicating throws, as a broken one would. */
    void failFor(LongPredicate registrationIds) {
        failing = registrationIds;
    }

    /** The registrations of these ids that are still queued, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Pending> pending(java.util.Collection<Long> registrationIds) {
        if (registrationIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT registration_id, attempts, last_error, failed_at"
                        + " FROM registration_dedup WHERE registration_id IN (?1)")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "registration_dedup").setParameter(1, registrationIds).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(),
                r -> new Pending(((Number) r[1]).intValue(), (String) r[2], r[3] != null)));
    }

    /**
     * Staff take a failed row up again: it is due now with its attempts counted afresh. A row still pending (its
     * retries not used up) is left as it is; the worker wakes once this has committed.
     */
    @Transactional
    public boolean retry(long registrationId) {
        int changed = em.createNativeQuery("UPDATE registration_dedup SET failed_at = NULL, attempts = 0,"
                        + " retry_at = ?2 WHERE registration_id = ?1 AND failed_at IS NOT NULL")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "registration_dedup").setParameter(1, registrationId)
                .setParameter(2, LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC)).executeUpdate();
        if (changed > 0) {
            queued.fire(new Queued());
        }
        return changed > 0;
    }

    /** Batches until none is due; each row at most once per drain. */
    private int drain(boolean dueOrNot) {
        draining.lock();
        try {
            return drainBatches(dueOrNot);
        } finally {
            draining.unlock();
        }
    }

    private int drainBatches(boolean dueOrNot) {
        Set<Long> tried = new HashSet<>();
        int decided = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<Claimed> batch = new ArrayList<>();
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    readCommitted();
                    decide(claim(batchSize, dueOrNot, tried, null), batch);
                });
                decided += batch.size();
            } catch (RuntimeException batchFailed) {
                // stopped (shutdown): the batch rolled back and its rows stay queued, no attempt counted
                if (batch.isEmpty() || Thread.currentThread().isInterrupted()) {
                    throw batchFailed;
                }
                LOG.debugf(batchFailed, "A batch of %d registrants failed; deciding them one by one", batch.size());
                for (Claimed row : batch) {
                    decided += decideAlone(row.registrationId(), dueOrNot, tried) ? 1 : 0;
                }
            }
            if (batch.isEmpty()) {
                return decided;
            }
        }
        return decided;
    }

    private boolean decideAlone(long registrationId, boolean dueOrNot, Set<Long> tried) {
        List<Claimed> alone = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                readCommitted();
                decide(claim(1, dueOrNot, tried, registrationId), alone);
            });
            return !alone.isEmpty();
        } catch (RuntimeException failed) {
            if (Thread.currentThread().isInterrupted()) {
                throw failed;
            }
            tried.add(registrationId);
            QuarkusTransaction.requiringNew().run(() -> failed(registrationId, failed));
            return false;
        }
    }

    /**
     * The batch's transaction reads what others committed last and locks no gaps (MariaDB's REPEATABLE READ would):
     * its claim and the person rows it rewrites in the search index sit at the end of the indexes where the submits
     * insert meanwhile, which would wait for the batch, or deadlock with it. The first statement of the transaction.
     */
    private void readCommitted() {
        em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL READ COMMITTED").executeUpdate();
    }

    /**
     * Claims up to {@code limit} rows that no other transaction holds, oldest first, each with its registration's
     * company (a locking read).
     */
    private List<Claimed> claim(int limit, boolean dueOrNot, Set<Long> tried, Long only) {
        StringBuilder sql = new StringBuilder("SELECT d.registration_id, d.person_id, r.organization_name, r.country"
                + " FROM registration_dedup d JOIN registration r ON r.id = d.registration_id WHERE d.failed_at IS NULL");
        if (!dueOrNot) {
            sql.append(" AND d.retry_at <= :now");
        }
        if (only != null) {
            sql.append(" AND d.registration_id = :only");
        }
        if (!tried.isEmpty()) {
            sql.append(" AND d.registration_id NOT IN (:tried)");
        }
        sql.append(" ORDER BY d.registration_id LIMIT :limit FOR UPDATE SKIP LOCKED");
        jakarta.persistence.Query query = em.createNativeQuery(sql.toString())
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "registration_dedup").setParameter("limit", limit);
        if (!dueOrNot) {
            query.setParameter("now", LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC));
        }
        if (only != null) {
            query.setParameter("only", only);
        }
        if (!tried.isEmpty()) {
            query.setParameter("tried", tried);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Claimed(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3])).toList();
    }

    /** Decides the claimed rows in the caller's transaction; {@code decided} learns them first, for a retry. */
    private void decide(List<Claimed> rows, List<Claimed> decided) {
        decided.addAll(rows);
        if (rows.isEmpty()) {
            return;
        }
        // the companies' keys at once and in order, before anything is read: a second node's batch naming one of
        // them waits here, then reads (READ COMMITTED) the company this one made
        keyLocks.lockAll(rows.stream().filter(r -> r.organizationName() != null)
                .map(r -> org.expodesk.party.Organizations.lockKey(new org.expodesk.party.Organizations.NewOrganization(
                        r.organizationName(), null, null, null, r.country(), null, null, null, null, null, null, null,
                        null, null, null, null, null)))
                .toList());
        auditLog.holdUntilCommit();
        for (Claimed row : rows) {
            if (failing.test(row.registrationId())) {
                throw new IllegalStateException("deduplicating registration " + row.registrationId() + " failed (test)");
            }
            dedup.deduplicate(row.registrationId(), row.personId());
            // each row reads its own records: without this every later flush of the batch (the matcher flushes
            // before its reads) would compare all the records of the rows before once more
            em.flush();
            em.clear();
        }
        em.createNativeQuery("DELETE FROM registration_dedup WHERE registration_id IN (?1)")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "registration_dedup")
                .setParameter(1, rows.stream().map(Claimed::registrationId).toList()).executeUpdate();
    }

    /** One more failed attempt of the row; after the last one it waits for staff. */
    private void failed(long registrationId, RuntimeException failure) {
        String error = describe(failure);
        LOG.warnf("Deduplicating the registrant of registration %d failed: %s", registrationId, error);
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        // MariaDB assigns left to right: the CASE reads the attempts just counted
        em.createNativeQuery("UPDATE registration_dedup SET attempts = attempts + 1, last_error = ?2,"
                        + " retry_at = ?3, failed_at = CASE WHEN attempts >= ?4 THEN ?5 ELSE NULL END"
                        + " WHERE registration_id = ?1")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "registration_dedup")
                .setParameter(1, registrationId).setParameter(2, error)
                .setParameter(3, now.plus(retryAfter)).setParameter(4, maxAttempts).setParameter(5, now)
                .executeUpdate();
    }

    /** What went wrong, without the values involved: a refusal's codes, else the exception's kind and message. */
    private static String describe(RuntimeException failure) {
        String text;
        if (failure instanceof ProblemException problem) {
            text = "refused: " + problem.getMessage();
        } else {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** Whether rows are due that another transaction holds (the worker's batch). */
    private boolean held() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> all = em.createNativeQuery("SELECT registration_id FROM registration_dedup"
                    + " WHERE failed_at IS NULL AND retry_at <= ?1")
                    .setHint(HibernateHints.HINT_NATIVE_SPACES, "registration_dedup")
                    .setParameter(1, LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC)).getResultList();
            return !all.isEmpty();
        });
    }
}
