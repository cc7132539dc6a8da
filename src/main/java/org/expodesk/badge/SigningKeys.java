package org.expodesk.badge;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.EditionCreated;
import org.hibernate.jpa.HibernateHints;


import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The editions' signing keys: made on first use, rotated by hand; a rotated key stops signing but
 * keeps verifying the badges it signed. Keys never change once written, so both halves are cached
 * in memory after the first read. Which key is active is kept per node for a few seconds (ADR 0025):
 * a rotation on this node counts at once, one on another node from at most that long after.
 */
@ApplicationScoped
public class SigningKeys {

    /** An edition's key as the outside sees it: number, raw 32-byte public key, active or retired. */
    public record PublicKeyInfo(int keyNo, byte[] publicKey, boolean active, Instant createdAt, Instant retiredAt) {
    }

    record Active(long rowId, int keyNo, PrivateKey privateKey) {
    }

    private record KeyRef(long exhibitionId, int keyNo) {
    }

    @Inject
    EntityManager em;

    @Inject
    KeyEncryption encryption;

    @Inject
    Clock clock;

    private final Map<KeyRef, PublicKey> publicKeys = new ConcurrentHashMap<>();
    private final Map<Long, PrivateKey> privateKeys = new ConcurrentHashMap<>();
    private final Map<Long, Object> creating = new ConcurrentHashMap<>();

    /** The active key as this node read it, and until when it signs without a look at the table again. */
    private record Kept(Active key, long untilNanos) {
    }

    private final Map<Long, Kept> activeKept = new ConcurrentHashMap<>();

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "expodesk.badge.active-key-kept-for",
            defaultValue = "10S")
    java.time.Duration activeKeptFor;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transaction;

    /** The key that signs the edition's new badges, made now if it has none yet. */
    @Transactional
    Active active(long exhibitionId) {
        Kept kept = activeKept.get(exhibitionId);
        if (kept != null && System.nanoTime() - kept.untilNanos() < 0) {
            return kept.key();
        }
        Active active = read(exhibitionId);
        if (!activeKeptFor.isZero()) {
            activeKept.put(exhibitionId, new Kept(active, System.nanoTime() + activeKeptFor.toNanos()));
        }
        return active;
    }

    private Active read(long exhibitionId) {
        Object[] key = activeRow(exhibitionId, false);
        if (key == null) {
            // made and committed in its own transaction, so that a race for an edition's first key is
            // settled by the unique key on active_for: the loser's insert fails and it reads the winner's.
            // Within this node one thread makes it while the others wait: each of them holds its own
            // transaction's connection, and all asking for a second one at once could empty the pool
            synchronized (creating.computeIfAbsent(exhibitionId, id -> new Object())) {
                if (QuarkusTransaction.requiringNew().call(() -> activeRow(exhibitionId, false)) == null) {
                    try {
                        QuarkusTransaction.requiringNew().run(() -> create(exhibitionId));
                    } catch (RuntimeException raced) {
                        if (QuarkusTransaction.requiringNew().call(() -> activeRow(exhibitionId, false)) == null) {
                            throw raced;
                        }
                    }
                }
            }
            key = activeRow(exhibitionId, true);
            if (key == null) {
                throw new IllegalStateException("no active badge key for edition " + exhibitionId);
            }
        }
        long rowId = ((Number) key[0]).longValue();
        int keyNo = ((Number) key[1]).intValue();
        byte[] sealed = (byte[]) key[2];
        PrivateKey privateKey = privateKeys.computeIfAbsent(rowId, id -> decrypt(exhibitionId, keyNo, sealed));
        return new Active(rowId, keyNo, privateKey);
    }

    /** A new active key for the edition; the old one retires but keeps verifying. */
    @Transactional
    public PublicKeyInfo rotate(long exhibitionId) {
        // plain SQL: Hibernate's MySQL dialect writes FOR UPDATE OF, which MariaDB does not know
        List<?> ids = em.createNativeQuery("select id from badge_signing_key where active_for = ?1 for update")
                .setParameter(1, exhibitionId).getResultList();
        // this node signs with the new key from the commit on (and from now on in this transaction)
        activeKept.remove(exhibitionId);
        transaction.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                activeKept.remove(exhibitionId);
            }
        });
        SigningKey current = ids.isEmpty() ? null : em.find(SigningKey.class, ((Number) ids.get(0)).longValue());
        if (current != null) {
            current.activeFor = null;
            current.retiredAt = clock.instant();
            em.flush();
        }
        SigningKey made = create(exhibitionId);
        return info(made);
    }

    /** The edition's key with that number, or null: what {@link BadgeCodes#verify} looks up. */
    public PublicKey publicKey(long exhibitionId, int keyNo) {
        KeyRef ref = new KeyRef(exhibitionId, keyNo);
        PublicKey cached = publicKeys.get(ref);
        if (cached != null) {
            return cached;
        }
        PublicKey found = QuarkusTransaction.joiningExisting().call(() -> em.createQuery(
                        "select publicKey from SigningKey where exhibitionId = :e and keyNo = :n", byte[].class)
                .setParameter("e", exhibitionId).setParameter("n", keyNo)
                .getResultStream().findFirst().map(SigningKeys::decodePublic).orElse(null));
        if (found != null) {
            publicKeys.put(ref, found);
        }
        return found;
    }

    /** Every key of the edition, active and retired, oldest first. */
    @Transactional
    public List<PublicKeyInfo> all(long exhibitionId) {
        return em.createQuery("from SigningKey where exhibitionId = :e order by keyNo", SigningKey.class)
                .setParameter("e", exhibitionId).getResultStream().map(SigningKeys::info).toList();
    }

    /**
     * A new edition gets its signing key in the transaction that creates it, so that its first
     * registrations do not all race to make one (see {@link #active}: older editions still do).
     */
    void onEditionCreated(@Observes EditionCreated created) {
        create(created.exhibitionId());
    }

    private SigningKey create(long exhibitionId) {
        Integer last = em.createQuery("select max(keyNo) from SigningKey where exhibitionId = :e", Integer.class)
                .setParameter("e", exhibitionId).getSingleResult();
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no Ed25519", e);
        }
        SigningKey k = new SigningKey();
        k.exhibitionId = exhibitionId;
        k.keyNo = last == null ? 1 : last + 1;
        k.publicKey = pair.getPublic().getEncoded();
        k.privateKeyEncrypted = encryption.encrypt(pair.getPrivate().getEncoded(), aad(exhibitionId, k.keyNo));
        k.activeFor = exhibitionId;
        k.persist();
        em.flush();
        return k;
    }

    /**
     * The active key's id, number and sealed private key. {@code current}: a locking read, which sees
     * a key another transaction committed after this transaction's snapshot was taken (never used
     * before the key exists: its gap lock would block the key's own insert). Native SQL: MySQL and
     * MariaDB both know LOCK IN SHARE MODE, not both of Hibernate's FOR SHARE.
     */
    private Object[] activeRow(long exhibitionId, boolean current) {
        List<?> rows = em.createNativeQuery("select id, key_no, private_key_encrypted from badge_signing_key "
                        + "where active_for = ?1" + (current ? " lock in share mode" : ""))
                // the table it reads: Hibernate flushes first only what touches it, not every pending change
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "badge_signing_key")
                // and nothing at all: keys are written and flushed by this class alone, and deciding whether the
                // caller's pending changes touch the table meant going through all of them (a registration's
                // dozen records) for every badge signed
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, exhibitionId).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    private PrivateKey decrypt(long exhibitionId, int keyNo, byte[] sealed) {
        byte[] pkcs8 = encryption.decrypt(sealed, aad(exhibitionId, keyNo));
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a badge signing key is damaged", e);
        }
    }

    private static PublicKey decodePublic(byte[] x509) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a badge public key is damaged", e);
        }
    }

    private static PublicKeyInfo info(SigningKey k) {
        return new PublicKeyInfo(k.keyNo, BadgeCodes.rawPublicKey(decodePublic(k.publicKey)), k.activeFor != null,
                k.createdAt, k.retiredAt);
    }

    private static String aad(long exhibitionId, int keyNo) {
        return "expodesk-badge-key:" + exhibitionId + ":" + keyNo;
    }
}
