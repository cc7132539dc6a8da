package org.expodesk.platform.db;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rows a transaction holds back and writes in one batch just before it commits, instead of one
 * statement each (an import chunk writes hundreds of audit entries and search terms). Once the
 * transaction completes, nothing more is held: later rows are written the ordinary way.
 *
 * @param <T> one row as its writer takes it
 */
public final class HeldUntilCommit<T> implements Synchronization {

    private final Consumer<List<T>> writer;
    private final List<T> rows = new ArrayList<>();
    private boolean open = true;

    private HeldUntilCommit(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    /** From now on the current transaction holds rows of {@code key} back for {@code writer}; once per transaction. */
    public static <T> void start(TransactionSynchronizationRegistry transaction, Object key, Consumer<List<T>> writer) {
        if (transaction.getResource(key) == null) {
            HeldUntilCommit<T> held = new HeldUntilCommit<>(writer);
            transaction.putResource(key, held);
            transaction.registerInterposedSynchronization(held);
        }
    }

    /** The rows of {@code key} the current transaction holds back, or null when it holds none (any more). */
    @SuppressWarnings("unchecked")
    public static <T> HeldUntilCommit<T> current(TransactionSynchronizationRegistry transaction, Object key) {
        if (transaction.getTransactionKey() == null) {
            return null;
        }
        HeldUntilCommit<T> held = (HeldUntilCommit<T>) transaction.getResource(key);
        return held != null && held.open ? held : null;
    }

    public void add(T row) {
        rows.add(row);
    }

    /** Writes what is held now (a change that must come after it is about to be written) and goes on holding. */
    public void flush() {
        if (!rows.isEmpty()) {
            writer.accept(rows);
            rows.clear();
        }
    }

    @Override
    public void beforeCompletion() {
        open = false;
        flush();
    }

    @Override
    public void afterCompletion(int status) {
        open = false;
    }
}
