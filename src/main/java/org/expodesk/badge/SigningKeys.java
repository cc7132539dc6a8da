package org.expodesk.badge;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
 * in memory after the first read.
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

    /** The key that signs the edition's new badges, made now if it has none yet. */
    @Transactional
    Active active(long exhibitionId) {
        SigningKey key = findActive(exhibitionId);
        if (key == null) {
            // made in its own transaction so that a race for the first key is settled by the unique
            // key on active_for and the loser simply reads the winner's key
            try {
                QuarkusTransaction.requiringNew().run(() -> create(exhibitionId));
            } catch (RuntimeException raced) {
                if (findActiveCommitted(exhibitionId) == null) {
                    throw raced;
                }
            }
            key = findActive(exhibitionId);
            if (key == null) {
                throw new IllegalStateException("no active badge key for edition " + exhibitionId);
            }
        }
        SigningKey k = key;
        PrivateKey privateKey = privateKeys.computeIfAbsent(k.id, id -> decrypt(k));
        return new Active(k.id, k.keyNo, privateKey);
    }

    /** A new active key for the edition; the old one retires but keeps verifying. */
    @Transactional
    public PublicKeyInfo rotate(long exhibitionId) {
        SigningKey current = em.createQuery("from SigningKey where activeFor = :e", SigningKey.class)
                .setParameter("e", exhibitionId).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
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

    private SigningKey findActive(long exhibitionId) {
        return em.createQuery("from SigningKey where activeFor = :e", SigningKey.class)
                .setParameter("e", exhibitionId).getResultStream().findFirst().orElse(null);
    }

    private SigningKey findActiveCommitted(long exhibitionId) {
        return QuarkusTransaction.requiringNew().call(() -> findActive(exhibitionId));
    }

    private PrivateKey decrypt(SigningKey k) {
        byte[] pkcs8 = encryption.decrypt(k.privateKeyEncrypted, aad(k.exhibitionId, k.keyNo));
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
