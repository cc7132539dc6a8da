package org.expodesk.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.expodesk.platform.db.EmbeddedMariaDb;
import org.expodesk.testing.MailServerResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real application instances (the packaged jar, two JVMs) on one database share the outbox;
 * one is killed with SIGKILL while it holds a batch. Every recipient gets at most one mail, and
 * everyone except at most the one mail the killed node was handing over (UNCERTAIN, ADR 0009) gets
 * exactly one. Runs in {@code ./mvnw verify} after the jar is built.
 */
class MailSenderClusterIT {

    private static final int MAILS = 500;
    private static final Path WORK = Path.of("target", "it-mail-cluster");

    private static GreenMail smtp;
    private static String dbUrl;
    private static final List<Process> nodes = new ArrayList<>();

    @BeforeAll
    static void startDatabaseAndSmtp() throws IOException {
        Files.createDirectories(WORK);
        dbUrl = EmbeddedMariaDb.startOnce(WORK.resolve("db"), true);
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopAll() {
        nodes.forEach(Process::destroyForcibly);
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void twoNodesShareTheOutboxAndOneKilledMidBatchCostsNoDuplicate() throws Exception {
        Process a = startNode("a");
        awaitReady(a, "a");
        Process b = startNode("b");
        awaitReady(b, "b");

        queue(MAILS);

        // kill b once it has sent some and while it holds more (claimed or being handed over)
        long deadline = System.currentTimeMillis() + 120_000;
        while (count("status = 'SENT' and claimed_by like '%/" + b.pid() + ":%'") == 0 || heldBy(b.pid()) == 0) {
            assertThat(System.currentTimeMillis()).as("node b never took part").isLessThan(deadline);
            assertThat(b.isAlive()).isTrue();
            Thread.sleep(5);
        }
        b.destroyForcibly().waitFor();

        // a puts b's batch back once its lease ends and sends it
        while (count("status in ('PENDING', 'CLAIMED', 'SENDING')") > 0) {
            assertThat(System.currentTimeMillis()).as("outbox drained").isLessThan(deadline + 120_000);
            assertThat(a.isAlive()).isTrue();
            Thread.sleep(200);
        }

        Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages())
                .map(MailServerResource::recipientOf)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, String> statusByRecipient = statuses();
        assertThat(statusByRecipient).hasSize(MAILS);
        assertThat(received.values()).as("no recipient got a mail twice").allMatch(n -> n == 1);
        List<String> uncertain = statusByRecipient.entrySet().stream()
                .filter(e -> e.getValue().equals("UNCERTAIN")).map(Map.Entry::getKey).toList();
        assertThat(uncertain).as("at most the one mail b was handing over").hasSizeLessThanOrEqualTo(1);
        for (Map.Entry<String, String> mail : statusByRecipient.entrySet()) {
            if (mail.getValue().equals("SENT")) {
                assertThat(received).as(mail.getKey()).containsEntry(mail.getKey(), 1L);
            } else {
                assertThat(mail.getValue()).as(mail.getKey()).isEqualTo("UNCERTAIN");
            }
        }
        long sentByA = count("status = 'SENT' and claimed_by like '%/" + a.pid() + ":%'");
        long sentByB = count("status = 'SENT' and claimed_by like '%/" + b.pid() + ":%'");
        System.out.printf("cluster run: %d mails, node a sent %d, node b sent %d before SIGKILL, %d uncertain, "
                + "%d received by GreenMail%n", MAILS, sentByA, sentByB, uncertain.size(), received.size());
        assertThat(sentByA).as("sent by a").isPositive();
        assertThat(sentByB).as("sent by b before it died").isPositive();
    }

    /** Both nodes share one: production refuses to start without it. */
    private static final String BADGE_KEK = randomKek();

    private static String randomKek() {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        return java.util.Base64.getEncoder().encodeToString(kek);
    }

    private static Process startNode(String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = System.getProperty("expodesk.app.jar", "target/quarkus-app/quarkus-run.jar");
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m",
                "-Dquarkus.http.port=" + freePort(),
                "-Dexpodesk.mail.claim-lease=5S",
                "-Dexpodesk.mail.poll-every=1s",
                "-Dexpodesk.mail.batch-size=20",
                "-jar", jar);
        Map<String, String> env = builder.environment();
        env.put("EXPODESK_DB_URL", dbUrl);
        env.put("EXPODESK_DB_USER", "root");
        env.put("EXPODESK_DB_PASSWORD", "");
        env.put("EXPODESK_SMTP_HOST", "127.0.0.1");
        env.put("EXPODESK_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        env.put("EXPODESK_SMTP_STARTTLS", "DISABLED");
        env.put("EXPODESK_ADMIN_PASSWORD", "it-" + HexFormat.of().formatHex(secret));
        env.put("EXPODESK_LOG_JSON", "false");
        env.put("EXPODESK_BADGE_KEK", BADGE_KEK);
        builder.redirectErrorStream(true).redirectOutput(WORK.resolve("node-" + name + ".log").toFile());
        Process process = builder.start();
        nodes.add(process);
        return process;
    }

    private static void awaitReady(Process node, String name) throws Exception {
        Path log = WORK.resolve("node-" + name + ".log");
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(node.isAlive()).as("node " + name + " is running (see " + log + ")").isTrue();
            String text = Files.exists(log) ? Files.readString(log) : "";
            java.util.regex.Matcher port = java.util.regex.Pattern.compile("Listening on: http://[^:]+:(\\d+)").matcher(text);
            if (port.find() && ready(Integer.parseInt(port.group(1)))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("node " + name + " did not start; see " + log);
    }

    private static boolean ready(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready")
                    .toURL().openConnection();
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static void queue(int mails) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("""
                insert into mail_outbox (mail_key, purpose, kind, recipient, language, subject, text_body, status,
                    attempts, next_attempt_at, created_at, updated_at)
                values (?, 'cluster-it', 'TRANSACTIONAL', ?, 'en', 'Thank you for visiting', ?, 'PENDING', 0, ?, ?, ?)""")) {
            c.setAutoCommit(false);
            for (int i = 0; i < mails; i++) {
                String to = "visitor" + i + "@cluster.test";
                insert.setString(1, "cluster-it|-|" + to);
                insert.setString(2, to);
                insert.setString(3, "Dear visitor " + i + ", thank you for visiting us.");
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }

    private static long heldBy(long pid) throws SQLException {
        return count("status in ('CLAIMED', 'SENDING') and claimed_by like '%/" + pid + ":%'");
    }

    private static long count(String where) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from mail_outbox where purpose = 'cluster-it' and " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> statuses() throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select recipient, status from mail_outbox where purpose = 'cluster-it'")) {
            while (rs.next()) {
                statuses.put(rs.getString(1), rs.getString(2));
            }
        }
        return statuses;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(dbUrl + (dbUrl.contains("?") ? "&" : "?")
                + "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true", "root", "");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
