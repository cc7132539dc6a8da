package org.expodesk.party.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Row locks on arbitrary keys (a credit code, a name key), so that work on one company takes
 * turns. The key's row is created in its own short transaction: two transactions inserting the
 * same new key would otherwise deadlock on InnoDB's insert locks.
 */
@ApplicationScoped
public class KeyLocks {

    /**
     * The one table of the plain SQL here: Hibernate then flushes before it only what touches that table
     * (nothing does) instead of every pending change, as it must for SQL it knows nothing of.
     */
    private static final String TABLE = "dedup_key_lock";

    @Inject
    EntityManager em;

    @Inject
    KeyLocks self;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /**
     * Holds the key until the caller's transaction ends. Call it before reading what it guards.
     * Taking a key this transaction already holds is a no-op: its row is ours, and inserting it
     * again from a second transaction would wait for ours forever.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String key) {
        String k = key.length() > 300 ? key.substring(0, 300) : key;
        @SuppressWarnings("unchecked")
        Set<String> held = (Set<String>) transaction.getResource(KeyLocks.class);
        if (held == null) {
            held = new HashSet<>();
            transaction.putResource(KeyLocks.class, held);
        }
        if (!held.add(k)) {
            return;
        }
        self.ensure(k);
        em.createNativeQuery("SELECT k FROM dedup_key_lock WHERE k = ?1 FOR UPDATE")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, TABLE)
                .setParameter(1, k).getResultList();
    }

    /**
     * Holds all these keys until the caller's transaction ends, in one insert and one locking read
     * (an import's chunk), taken in key order so that two callers never wait for each other in a circle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<String> keys) {
        @SuppressWarnings("unchecked")
        Set<String> held = (Set<String>) transaction.getResource(KeyLocks.class);
        if (held == null) {
            held = new HashSet<>();
            transaction.putResource(KeyLocks.class, held);
        }
        List<String> fresh = new ArrayList<>(new TreeSet<>(keys.stream()
                .map(key -> key.length() > 300 ? key.substring(0, 300) : key).toList()));
        fresh.removeAll(held);
        if (fresh.isEmpty()) {
            return;
        }
        self.ensureAll(fresh);
        em.createNativeQuery("SELECT k FROM dedup_key_lock WHERE k IN (?1) ORDER BY k FOR UPDATE")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, TABLE).setParameter(1, fresh).getResultList();
        held.addAll(fresh);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void ensureAll(List<String> keys) {
        jakarta.persistence.Query insert = em.createNativeQuery("INSERT IGNORE INTO dedup_key_lock (k) VALUES "
                + java.util.stream.IntStream.rangeClosed(1, keys.size()).mapToObj(i -> "(?" + i + ")")
                .collect(java.util.stream.Collectors.joining(", "))).setHint(HibernateHints.HINT_NATIVE_SPACES, TABLE);
        for (int i = 0; i < keys.size(); i++) {
            insert.setParameter(i + 1, keys.get(i));
        }
        insert.executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void ensure(String key) {
        em.createNativeQuery("INSERT IGNORE INTO dedup_key_lock (k) VALUES (?1)")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, TABLE)
                .setParameter(1, key).executeUpdate();
    }
}
