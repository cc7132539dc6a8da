package org.expodesk.badge;

import io.quarkus.runtime.LaunchMode;
import jakarta.annotation.PostConstruct;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts the editions' private signing keys with AES-256-GCM under the key-encryption key
 * ({@code expodesk.badge.key-encryption-key}, env {@code EXPODESK_BADGE_KEK}: base64 of 32 bytes).
 * Production refuses to start without it. Dev mode without it generates one once and keeps it
 * beside the embedded database ({@code <data dir>/badge-kek}), never in the repository; the tests
 * get a random one per JVM from {@code EmbeddedDatabaseResource}.
 */
@ApplicationScoped
public class KeyEncryption {

    private static final Logger LOG = Logger.getLogger(KeyEncryption.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    @ConfigProperty(name = "expodesk.badge.key-encryption-key")
    Optional<String> configured;

    @ConfigProperty(name = "expodesk.data-dir", defaultValue = "data")
    String dataDir;

    /** Production has no fallback key; set from the launch mode at start. */
    boolean production;

    private volatile SecretKey kek;

    @PostConstruct
    void readLaunchMode() {
        production = LaunchMode.current() == LaunchMode.NORMAL;
    }

    void checkAtStart(@Observes StartupEvent event) {
        key();
    }

    /** {@code aad} binds the ciphertext to its row (edition and key number), so rows cannot be swapped. */
    byte[] encrypt(byte[] plain, String aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("badge key encryption failed", e);
        }
    }

    byte[] decrypt(byte[] sealed, String aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a badge signing key cannot be decrypted: was "
                    + "EXPODESK_BADGE_KEK changed since it was made? (docs/badges.md)", e);
        }
    }

    private SecretKey key() {
        SecretKey k = kek;
        if (k == null) {
            synchronized (this) {
                if (kek == null) {
                    kek = new SecretKeySpec(load(), "AES");
                }
                k = kek;
            }
        }
        return k;
    }

    private byte[] load() {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return parse(configured.get().trim(), "EXPODESK_BADGE_KEK");
        }
        if (production) {
            throw new IllegalStateException("EXPODESK_BADGE_KEK is not set: badge signing keys are kept encrypted "
                    + "under it. Set it to base64 of 32 random bytes (e.g. `openssl rand -base64 32`) and keep it "
                    + "safe: without the same value, existing badge keys cannot sign again (docs/badges.md).");
        }
        return localKey(Path.of(dataDir, "badge-kek"));
    }

    /** Dev and test only: one random key, made once and kept outside the repository. */
    private static byte[] localKey(Path file) {
        try {
            if (Files.exists(file)) {
                return parse(Files.readString(file).trim(), file.toString());
            }
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file stays as created
            }
            LOG.infof("No EXPODESK_BADGE_KEK: made a local badge key-encryption key in %s (dev and test only)", file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] parse(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64 (it must be base64 of 32 random bytes)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " must be base64 of exactly 32 bytes, not " + bytes.length);
        }
        return bytes;
    }
}
