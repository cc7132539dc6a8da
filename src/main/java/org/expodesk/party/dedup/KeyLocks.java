package org.expodesk.party.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.Set;

/**
 * Row locks on arbitrary keys (a credit code, a name key), so that work on one company takes
 * turns. The key's row is created in its own short transaction: two transactions inserting the
 * same new key would otherwise deadlock on InnoDB's insert locks.
 */
@ApplicationScoped
public class KeyLocks {

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
        em.createNativeQuery("SELECT k FROM dedup_key_lock WHERE k = ?1 FOR UPDATE").setParameter(1, k).getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void ensure(String key) {
        em.createNativeQuery("INSERT IGNORE INTO dedup_key_lock (k) VALUES (?1)").setParameter(1, key).executeUpdate();
    }
}
