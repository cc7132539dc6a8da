package org.expodesk.platform.db;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inserts of records whose ids are known before the insert (reserved ids, ADR 0029) wait in Hibernate's queue
 * until a flush, where Hibernate sends them in batches; an AUTO_INCREMENT insert went out alone, at once, writing
 * every insert queued before it. A writer of such records calls {@link #writeUnlessHeld} after {@code persist}, so
 * that they are in the database at the same moment as before, unless its transaction asked to hold them
 * ({@link #holdUntilFlush}: a people import chunk, its new people and organizations). Plain SQL or a query (the
 * chunk's flush mode is {@code COMMIT}) that reads such records or refers to them calls {@link #write} or
 * {@link #writeIfHeld} first.
 */
public final class QueuedInserts {

    private static final String HELD = QueuedInserts.class.getName() + ".held";
    /** The records a holding transaction persisted whose inserts a query of their type must find written, by type. */
    private static final String PENDING = QueuedInserts.class.getName() + ".pending";

    private QueuedInserts() {
    }

    /** From now on the current transaction leaves inserts queued until its flush, and sends them in batches of {@code batch}. */
    public static void holdUntilFlush(TransactionSynchronizationRegistry transaction, EntityManager em, int batch) {
        transaction.putResource(HELD, Boolean.TRUE);
        em.unwrap(SessionImplementor.class).setJdbcBatchSize(batch);
    }

    /** The queued inserts now, unless the current transaction holds them until its flush. */
    public static void writeUnlessHeld(TransactionSynchronizationRegistry transaction, EntityManager em) {
        if (transaction.getTransactionKey() == null || transaction.getResource(HELD) == null) {
            write(em);
        }
    }

    /**
     * The same for one record just persisted, whose insert a query of its type must find written
     * ({@link #writeIfHeld}): the current transaction remembers it while it holds its insert.
     */
    public static void writeUnlessHeld(TransactionSynchronizationRegistry transaction, EntityManager em, Object record) {
        if (transaction.getTransactionKey() == null || transaction.getResource(HELD) == null) {
            write(em);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Class<?>, List<Object>> pending = (Map<Class<?>, List<Object>>) transaction.getResource(PENDING);
        if (pending == null) {
            pending = new HashMap<>();
            transaction.putResource(PENDING, pending);
        }
        pending.computeIfAbsent(record.getClass(), t -> new ArrayList<>()).add(record);
    }

    /**
     * Before a query of records of {@code type} whose inserts the current transaction may hold: the queued inserts
     * now, when one of those records {@link #writeUnlessHeld(TransactionSynchronizationRegistry, EntityManager, Object)}
     * left queued is not written yet. Only then: writing the queue also writes the records of other types it holds
     * (an import chunk's new people), which would otherwise go out in fewer, larger batches. Any other transaction's
     * records were written at {@code persist}; outside a transaction nothing is queued.
     */
    public static void writeIfHeld(TransactionSynchronizationRegistry transaction, EntityManager em, Class<?> type) {
        if (transaction.getTransactionKey() == null || transaction.getResource(HELD) == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Class<?>, List<Object>> pending = (Map<Class<?>, List<Object>>) transaction.getResource(PENDING);
        List<Object> records = pending == null ? null : pending.get(type);
        if (records == null || records.isEmpty()) {
            return;
        }
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        for (Object record : records) {
            EntityEntry entry = session.getPersistenceContextInternal().getEntry(record);
            if (entry != null && !entry.isExistsInDatabase()) {
                write(em);
                break;
            }
        }
        // written now, or already by an earlier write of the queue (a read of another type, the flush)
        records.clear();
    }

    /** The queued inserts now (in the order they were queued), as an AUTO_INCREMENT insert would have written them. */
    public static void write(EntityManager em) {
        em.unwrap(SessionImplementor.class).getActionQueue().executeInserts();
    }
}
