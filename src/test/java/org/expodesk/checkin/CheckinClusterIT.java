package org.expodesk.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.expodesk.platform.db.EmbeddedMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real application instances (the packaged jar, two JVMs, different ports) on one database:
 * each of 50 badges is scanned 200 times at once (64 client threads, four badges' scans queued
 * together), the scans split across both instances and two scanner devices. Per badge exactly one scan is ADMITTED and the other 199 ALREADY_ADMITTED,
 * the admission row counts one admission, and every scan has its own row. What this proves is
 * that the admission row's lock (docs/checkin.md) holds across instances, not only within one
 * JVM. Runs in {@code ./mvnw verify} after the jar is built.
 */
class CheckinClusterIT {

    private static final int BADGES = 50;
    private static final int SCANS_PER_BADGE = 200;
    /** Badges whose scans are queued together: their locks are taken in parallel, which keeps the run short. */
    private static final int BADGES_AT_ONCE = 4;
    private static final String ZONE = "Asia/Shanghai";
    private static final Path WORK = Path.of("target", "it-checkin-cluster");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "it-" + HexFormat.of().formatHex(random(18));
    /** Both nodes share one: production refuses to start without it. */
    private static final String BADGE_KEK = Base64.getEncoder().encodeToString(random(32));

    private static String dbUrl;
    private static final List<Process> nodes = new ArrayList<>();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startDatabase() throws IOException {
        Files.createDirectories(WORK);
        dbUrl = EmbeddedMariaDb.startOnce(WORK.resolve("db"), true);
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void twoInstancesAdmitEachBadgeExactlyOnceUnderConcurrentScans() throws Exception {
        // a first, alone: it migrates the database and makes the administrator
        Process a = startNode("a");
        int portA = awaitReady(a, "a");
        Process b = startNode("b");
        int portB = awaitReady(b, "b");
        String nodeA = "http://127.0.0.1:" + portA;
        String nodeB = "http://127.0.0.1:" + portB;

        String admin = call(nodeA, "POST", "/api/auth/token", null,
                Map.of("username", "admin", "password", ADMIN_PASSWORD), 200).get("token").asText();
        long edition = edition(nodeA, admin);
        String deviceA = device(nodeA, admin, edition, "cluster scanner a");
        String deviceB = device(nodeB, admin, edition, "cluster scanner b");
        String editionCode = call(nodeA, "GET", "/api/exhibitions/" + edition, admin, null, 200).get("code").asText();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Long> badgeIds = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        Map<Long, Map<String, Integer>> results = new ConcurrentHashMap<>();
        long started;
        try {
            // one after another: many registrations at once can exhaust an instance's connection pool
            for (int i = 0; i < BADGES; i++) {
                String node = i % 2 == 0 ? nodeA : nodeB;
                long badge = call(node, "POST", "/api/public/exhibitions/" + editionCode + "/registrations", null,
                        visitor(i), 201).get("badge").get("id").asLong();
                badgeIds.add(badge);
                codes.add(call(node, "GET", "/api/badges/" + badge, admin, null, 200).get("code").asText());
            }

            // the 200 scans of every badge are queued together, interleaved with those of a few other
            // badges, so that at any time about 64 scans are in flight, half at each instance
            started = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            for (int from = 0; from < BADGES; from += BADGES_AT_ONCE) {
                for (int s = 0; s < SCANS_PER_BADGE; s++) {
                    for (int i = from; i < Math.min(BADGES, from + BADGES_AT_ONCE); i++) {
                        long badge = badgeIds.get(i);
                        String code = codes.get(i);
                        boolean atA = s % 2 == 0;
                        String scanId = "cluster-" + badge + "-" + s;
                        sent.add(pool.submit(() -> {
                            JsonNode answer = call(atA ? nodeA : nodeB, "POST", "/api/checkins",
                                    atA ? deviceA : deviceB, Map.of("code", code, "gate", "main", "scanId", scanId), 200);
                            results.computeIfAbsent(badge, k -> new ConcurrentHashMap<>())
                                    .merge(answer.get("result").asText(), 1, Integer::sum);
                            return null;
                        }));
                    }
                }
            }
            for (Future<?> f : sent) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("check-in cluster run: %d scans of %d badges at two instances in %.1f s (%.0f scans/s)%n",
                BADGES * SCANS_PER_BADGE, BADGES, seconds, BADGES * SCANS_PER_BADGE / seconds);

        assertThat(a.isAlive()).isTrue();
        assertThat(b.isAlive()).isTrue();
        for (long badge : badgeIds) {
            assertThat(results.get(badge)).as("answers for badge " + badge)
                    .isEqualTo(Map.of("ADMITTED", 1, "ALREADY_ADMITTED", SCANS_PER_BADGE - 1));
        }
        Map<Long, Map<String, Integer>> rows = scanRows(edition);
        Map<Long, Integer> admissions = admissions(edition);
        for (long badge : badgeIds) {
            assertThat(rows.get(badge)).as("scan rows of badge " + badge)
                    .isEqualTo(Map.of("ADMITTED", 1, "ALREADY_ADMITTED", SCANS_PER_BADGE - 1));
            assertThat(admissions.get(badge)).as("admission row of badge " + badge).isEqualTo(1);
        }
        assertThat(scansBy(edition)).as("scans recorded per device, that is per instance")
                .containsOnlyKeys(deviceIdOf(nodeA, deviceA), deviceIdOf(nodeB, deviceB))
                .allSatisfy((device, n) -> assertThat(n).isEqualTo(BADGES * SCANS_PER_BADGE / 2));
    }

    // ------------------------------------------------------------------------------------------
    // set-up through the API

    /** An edition open from yesterday to tomorrow in its zone, so that its badges are valid today. */
    private static long edition(String node, String admin) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of(ZONE));
        String code = "CL" + System.nanoTime() % 1_000_000;
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Cluster Expo " + code);
        body.put("venue", "Hall Cluster");
        body.put("city", "Shanghai");
        body.put("timezone", ZONE);
        body.put("opensOn", today.minusDays(1).toString());
        body.put("closesOn", today.plusDays(1).toString());
        body.put("buildUpFrom", today.minusDays(3).toString());
        body.put("tearDownUntil", today.plusDays(2).toString());
        return call(node, "POST", "/api/exhibitions", admin, body, 201).get("id").asLong();
    }

    /** A scanner device without a gate (the scans name `main`), activated; its token. */
    private static String device(String node, String admin, long edition, String name) throws Exception {
        String setupCode = call(node, "POST", "/api/exhibitions/" + edition + "/devices", admin,
                Map.of("name", name), 201).get("setupCode").asText();
        return call(node, "POST", "/api/devices/activate", null, Map.of("setupCode", setupCode), 200)
                .get("token").asText();
    }

    private static long deviceIdOf(String node, String deviceToken) throws Exception {
        return call(node, "GET", "/api/devices/me", deviceToken, null, 200).get("id").asLong();
    }

    private static Map<String, Object> visitor(int i) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "VISITOR");
        body.put("firstName", "Visitor" + i);
        body.put("lastName", "Cluster");
        body.put("email", "visitor" + i + "-" + System.nanoTime() % 1_000_000 + "@cluster.test");
        body.put("consent", Map.of("terms", true, "leadSharing", false, "marketing", false));
        return body;
    }

    private static JsonNode call(String node, String method, String path, String token, Object body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    // ------------------------------------------------------------------------------------------
    // the database, read directly

    private static Map<Long, Map<String, Integer>> scanRows(long edition) throws SQLException {
        Map<Long, Map<String, Integer>> rows = new HashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select badge_id, result, count(*) from checkin_scan where exhibition_id = ? group by badge_id, result")) {
            s.setLong(1, edition);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
        }
        return rows;
    }

    private static Map<Long, Integer> admissions(long edition) throws SQLException {
        Map<Long, Integer> admissions = new HashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select badge_id, admissions from checkin_admission where exhibition_id = ?")) {
            s.setLong(1, edition);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    admissions.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return admissions;
    }

    private static Map<Long, Integer> scansBy(long edition) throws SQLException {
        Map<Long, Integer> byDevice = new HashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select device_id, count(*) from checkin_scan where exhibition_id = ? group by device_id")) {
            s.setLong(1, edition);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byDevice.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return byDevice;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(dbUrl + (dbUrl.contains("?") ? "&" : "?")
                + "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true", "root", "");
    }

    // ------------------------------------------------------------------------------------------
    // the two instances

    private static Process startNode(String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = System.getProperty("expodesk.app.jar", "target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m",
                "-Dquarkus.http.port=" + freePort(),
                // the set-up registers 50 visitors from one address
                "-Dexpodesk.rate-limit.registration.per-minute=10000",
                "-Dexpodesk.rate-limit.registration.burst=1000",
                // no SMTP server here: the confirmations stay in the outbox
                "-Dexpodesk.mail.poll-every=1h",
                "-Dexpodesk.data-dir=" + WORK.resolve("data-" + name).toAbsolutePath(),
                "-jar", jar);
        Map<String, String> env = builder.environment();
        env.put("EXPODESK_DB_URL", dbUrl);
        env.put("EXPODESK_DB_USER", "root");
        env.put("EXPODESK_DB_PASSWORD", "");
        env.put("EXPODESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("EXPODESK_LOG_JSON", "false");
        env.put("EXPODESK_BADGE_KEK", BADGE_KEK);
        builder.redirectErrorStream(true).redirectOutput(WORK.resolve("node-" + name + ".log").toFile());
        Process process = builder.start();
        nodes.add(process);
        return process;
    }

    /** Waits until the node answers its readiness check; its HTTP port. */
    private static int awaitReady(Process node, String name) throws Exception {
        Path log = WORK.resolve("node-" + name + ".log");
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(node.isAlive()).as("node " + name + " is running (see " + log + ")").isTrue();
            String text = Files.exists(log) ? Files.readString(log) : "";
            Matcher port = Pattern.compile("Listening on: http://[^:]+:(\\d+)").matcher(text);
            if (port.find() && ready(Integer.parseInt(port.group(1)))) {
                return Integer.parseInt(port.group(1));
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
