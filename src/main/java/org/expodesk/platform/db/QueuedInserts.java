package org.expodesk.platform.db;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.engine.spi.SessionImplementor;

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
     * Before a query of records whose inserts the current transaction may hold: the queued inserts now, when it holds
     * them ({@link #holdUntilFlush}). Any other transaction's were written at {@code persist}; outside a transaction
     * nothing is queued.
     */
    public static void writeIfHeld(TransactionSynchronizationRegistry transaction, EntityManager em) {
        if (transaction.getTransactionKey() != null && transaction.getResource(HELD) != null) {
            write(em);
        }
    }

    /** The queued inserts now (in the order they were queued), as an AUTO_INCREMENT insert would have written them. */
    public static void write(EntityManager em) {
        em.unwrap(SessionImplementor.class).getActionQueue().executeInserts();
    }
}
