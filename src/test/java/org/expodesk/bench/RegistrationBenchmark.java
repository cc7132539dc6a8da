package org.expodesk.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.expodesk.badge.Badge;
import org.expodesk.bench.customers.CustomerData;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.mail.MailStatus;
import org.expodesk.mail.OutboxMail;
import org.expodesk.registration.RegistrantDedupQueue;
import org.expodesk.registration.Registration;
import org.expodesk.registration.TestRegistrations;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The public registration goal (issue #5): registrations validated, stored, with their badge signed and the
 * confirmation mail queued (its PDF attached), at 1,000 per second or more with a p99 of at most 50 ms, over
 * loopback HTTP on this machine. The registrants are deduplicated into the customer database after the commit
 * (ADR 0024): the measured submits run with the worker switched off, and the backlog they leave is then drained
 * and measured on its own (rows a second, statements and CPU per row).
 * Measured two ways, both to be met (ADR 0033): a closed loop of {@value #CONNECTIONS} clients, each sending its next
 * registration when the last one is answered (the rate, and its p99); and an open loop, registrations arriving as a
 * Poisson stream at the goal's rate, each timed from when it was due (the p99 a registrant meets). Ceiling: the same
 * requests with the honeypot field filled, which the endpoint answers as a success after the rate limit and parsing,
 * storing nothing.
 *
 * <p>Tagged {@code benchmark}: run by {@code ./mvnw -B -Pbench test} only. Writes its own section of
 * {@code docs/benchmarks.md}; fails when the goal is missed or the stored counts do not add up.
 */
@QuarkusTest
@Tag("benchmark")
class RegistrationBenchmark {

    static final String HEADING = "## Public registration: validated, deduplicated, badge signed, mail queued";
    static final double GOAL_PER_SECOND = 1_000;
    static final double P99_BUDGET_MS = 50;
    static final int CONNECTIONS = 32;
    static final int WARMUP = Integer.getInteger("bench.registration.warmup", 6_000);
    /**
     * Registrations again between the ceiling and the measured phase: the ceiling's requests (all honeypots) change
     * the request path's profile, and the JIT compiled it again during the measured phase (4.7 s of compiling in its
     * 12 s, jdk.Compilation, 2026-11-24); 2,000 of them still left 2.7 s of compiling in the measured 7 s.
     */
    static final int REWARM = Integer.getInteger("bench.registration.rewarm", 6_000);
    static final int MEASURED = Integer.getInteger("bench.registration.count", 8_000);
    static final int CEILING = 8_000;
    /** Submits arriving at the goal's rate, whoever is waiting for an answer (open loop, see {@link #arriving}). */
    static final int ARRIVING = Integer.getInteger("bench.registration.arriving", 8_000);
    /**
     * Submits arriving the same way, unmeasured, just before: arriving on their own, submits are decided in smaller
     * batches than the closed loop's, and the methods run once a batch reached the JIT's last tier only then (2.5–3.7
     * s of compiling inside the measured 8 s, jdk.Compilation, 2026-11-24).
     */
    static final int ARRIVING_WARMUP = Integer.getInteger("bench.registration.arriving-warmup", 6_000);
    /**
     * Connections for the arriving submits: enough that a burst of arrivals never waits for a free one in the
     * client (at 1,000 a second and 30 ms each about 30 are answered at a time).
     */
    static final int ARRIVING_CONNECTIONS = 128;
    static final int COMPANIES = 2_000;
    static final long SEED = 20_261_123L;
    static final int DRAIN_SECONDS = 180;

    /** Realistic Latin and Chinese names and companies, the customer database benchmarks' generator. */
    private static final CustomerData PEOPLE = new CustomerData(CustomerData.Options.full().scaled(COMPANIES, 1_000_000));

    @TestHTTPResource("/")
    URL base;

    @jakarta.inject.Inject
    RegistrantDedupQueue dedup;

    /** The deferred deduplication of the measured registrations, drained after them. */
    record Drain(int rows, double seconds, double statements, double jvmCpuMs, double databaseCpuMs, String kinds) {

        double rate() {
            return rows / seconds;
        }
    }

    /** {@code offered}: for submits arriving on their own, their number over the time from the first to the last. */
    record Phase(String name, int requests, double seconds, double[] latenciesMs, int failures, double offered) {

        double rate() {
            return requests / seconds;
        }

        double percentile(double p) {
            if (latenciesMs.length == 0) {
                return Double.NaN;
            }
            double[] sorted = latenciesMs.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }

    @Test
    void publicRegistrationsPerSecond() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        String endpoint = "/api/public/exhibitions/" + code + "/registrations";
        String run = Long.toString(System.currentTimeMillis(), 36);
        AtomicInteger sequence = new AtomicInteger();

        // every phase's bodies made before the first: while the generator makes them the JIT compiles it, which
        // took compiler time from the server in the measured phases when they were made just before each
        // (jdk.Compilation, 2026-11-24)
        Requests warmupRequests = new Requests(WARMUP, run, sequence, false);
        Requests ceilingRequests = new Requests(CEILING, run, sequence, true);
        Requests rewarmRequests = new Requests(REWARM, run, sequence, false);
        Requests measuredRequests = new Requests(MEASURED, run, sequence, false);
        Requests arrivingWarmupRequests = new Requests(ARRIVING_WARMUP, run, sequence, false);
        Requests arrivingRequests = new Requests(ARRIVING, run, sequence, false);
        // the warm-up as in production: each node's worker deduplicates after each commit
        Phase warmup = load("warm-up", warmupRequests, endpoint);
        dedup.runPending();
        // the sender still renders the warm-up's badge PDFs: they would take the ceiling's CPU, not its requests
        double drained = waitForOutbox(exhibition);
        forgetDeliveredMail();
        Phase ceiling = load("ceiling", ceilingRequests, endpoint);
        Phase rewarm = load("warm-up again", rewarmRequests, endpoint);
        dedup.runPending();
        drained += waitForOutbox(exhibition);
        // the submits alone: their deduplication waits, as during a burst the worker cannot keep up with
        dedup.runByItself(false);
        Phase measured;
        long[] statementsBefore;
        long[] statementsAfter;
        java.util.Map<String, Long> kindsAfter;
        String kinds;
        TimelineRenderBenchmark.Load.Snapshot before;
        TimelineRenderBenchmark.Load.Snapshot after;
        Drain drain;
        double mailsAfter;
        long sentDuring;
        Phase arriving;
        long sentWhileArriving;
        int warmupFailures;
        TimelineRenderBenchmark.Load.Snapshot arrivingBefore;
        TimelineRenderBenchmark.Load.Snapshot arrivingAfter;
        try {
            forgetDeliveredMail();
            long sentBefore = sentConfirmations(exhibition);
            statementsBefore = databaseCounters();
            java.util.Map<String, Long> kindsBefore = statementKinds();
            java.util.Map<String, Long> innodbBefore = globalStatus("Innodb%");
            before = TimelineRenderBenchmark.Load.snapshot();
            measured = load("registrations", measuredRequests, endpoint);
            after = TimelineRenderBenchmark.Load.snapshot();
            System.out.println("InnoDB during the measured registrations: "
                    + moved(innodbBefore, globalStatus("Innodb%")));
            statementsAfter = databaseCounters();
            kindsAfter = statementKinds();
            sentDuring = sentConfirmations(exhibition) - sentBefore;
            kinds = perRegistration(kindsBefore, kindsAfter, MEASURED);
            // the sender is still making the measured registrations' badge PDFs: they would take the drain's CPU
            mailsAfter = waitForOutbox(exhibition);
            drain = drain();
            // the goal's rate arriving, first to warm up as the closed loop did, then measured
            Phase arrivingWarmup = arriving("arriving, warm-up", arrivingWarmupRequests, GOAL_PER_SECOND, endpoint);
            warmupFailures = arrivingWarmup.failures();
            dedup.runPending();
            waitForOutbox(exhibition);
            forgetDeliveredMail();
            long sentBeforeArriving = sentConfirmations(exhibition);
            arrivingBefore = TimelineRenderBenchmark.Load.snapshot();
            arriving = arriving("arriving at the goal's rate", arrivingRequests, GOAL_PER_SECOND, endpoint);
            arrivingAfter = TimelineRenderBenchmark.Load.snapshot();
            sentWhileArriving = sentConfirmations(exhibition) - sentBeforeArriving;
            waitForOutbox(exhibition);
            dedup.runPending();
        } finally {
            dedup.runByItself(true);
        }
        System.out.println("registration statements by kind: " + kinds);
        System.out.println("deferred dedup statements by kind: " + drain.kinds());
        double jvmCpuMs = (after.jvmCpuNanos() - before.jvmCpuNanos()) / 1e6 / MEASURED;
        double databaseCpuMs = (after.databaseCpuNanos() - before.databaseCpuNanos()) / 1e6 / MEASURED;
        double statements = (double) (statementsAfter[0] - statementsBefore[0]) / MEASURED;
        double commits = (double) (statementsAfter[1] - statementsBefore[1]) / MEASURED;
        TimelineRenderBenchmark.Load load = TimelineRenderBenchmark.Load.between(before, after,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), false);

        long registrations = QuarkusTransaction.requiringNew().call(() -> Registration.count("exhibitionId", exhibition));
        long badges = QuarkusTransaction.requiringNew().call(() -> Badge.count("exhibitionId", exhibition));
        long mails = QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("exhibitionId = ?1 and purpose = ?2",
                exhibition, "registration-confirmed"));
        List<String> problems = new ArrayList<>();
        int expected = WARMUP + REWARM + MEASURED + ARRIVING_WARMUP + ARRIVING;
        int failures = warmup.failures() + rewarm.failures() + measured.failures() + ceiling.failures()
                + warmupFailures + arriving.failures();
        if (failures > 0) {
            problems.add(failures + " requests not answered as expected");
        }
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) Registration.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM registration_dedup d JOIN registration r"
                        + " ON r.id = d.registration_id WHERE r.exhibition_id = ?1")
                .setParameter(1, exhibition).getSingleResult()).longValue());
        if (left > 0 || drain.rows() < MEASURED) {
            problems.add(String.format(Locale.ROOT, "%d registrants left not deduplicated, %d deduplicated of %d",
                    left, drain.rows(), MEASURED));
        }
        if (registrations != expected || badges != expected || mails != expected) {
            problems.add(String.format(Locale.ROOT, "%d registrations, %d badges, %d confirmation mails stored for %d sent",
                    registrations, badges, mails, expected));
        }
        // met only when both hold: the rate with its p99 at 32 clients, as since the first run, and the p99 with the
        // goal's rate arriving on its own (ADR 0033)
        boolean pass = problems.isEmpty() && measured.rate() >= GOAL_PER_SECOND
                && measured.percentile(0.99) <= P99_BUDGET_MS && arriving.percentile(0.99) <= P99_BUDGET_MS;
        TimelineRenderBenchmark.Load arrivingLoad = TimelineRenderBenchmark.Load.between(arrivingBefore, arrivingAfter,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), false);
        MarkdownSection.publish(section(warmup, rewarm, drained, ceiling, measured, load, registrations, badges, mails,
                pass, problems, statements, commits, kinds, jvmCpuMs, databaseCpuMs, mailsAfter, sentDuring, drain,
                arriving, arrivingLoad, sentWhileArriving));
        if (!pass) {
            throw new AssertionError(String.format(Locale.ROOT, "registration: %.0f/s at p99 %.1f ms saturated; p99 "
                            + "%.1f ms with %.0f/s arriving (goal %.0f/s at %.0f ms) %s", measured.rate(),
                    measured.percentile(0.99), arriving.percentile(0.99), arriving.offered(), GOAL_PER_SECOND,
                    P99_BUDGET_MS, problems));
        }
    }

    /**
     * Before a measured phase: the mails the sender handed to the tests' SMTP server are forgotten, as they would
     * leave the JVM for a real one; kept, the last phase's mails (badge PDFs attached) are live objects that every
     * young collection of the measured phase copies again until they are old enough to be promoted.
     */
    private static void forgetDeliveredMail() throws Exception {
        org.expodesk.testing.MailServerResource.greenMail().purgeEmailFromAllMailboxes();
    }

    private static long sentConfirmations(long exhibition) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.count(
                "exhibitionId = ?1 and purpose = ?2 and status = ?3", exhibition, "registration-confirmed",
                MailStatus.SENT));
    }

    /** Deduplicates the measured registrations' backlog in this thread, in batches as the worker does. */
    private Drain drain() throws java.sql.SQLException {
        long[] statementsBefore = databaseCounters();
        java.util.Map<String, Long> kindsBefore = statementKinds();
        TimelineRenderBenchmark.Load.Snapshot before = TimelineRenderBenchmark.Load.snapshot();
        int rows = dedup.runPending();
        TimelineRenderBenchmark.Load.Snapshot after = TimelineRenderBenchmark.Load.snapshot();
        long[] statementsAfter = databaseCounters();
        int n = Math.max(rows, 1);
        return new Drain(rows, (after.nanos() - before.nanos()) / 1e9,
                (double) (statementsAfter[0] - statementsBefore[0]) / n,
                (after.jvmCpuNanos() - before.jvmCpuNanos()) / 1e6 / n,
                (after.databaseCpuNanos() - before.databaseCpuNanos()) / 1e6 / n,
                perRegistration(kindsBefore, statementKinds(), n));
    }

    /**
     * {@code requests} registrations by {@value #CONNECTIONS} clients at once, each on a kept-alive connection of
     * its own ({@link KeepAliveHttp}) and waiting for its answer. The bodies are made before the clock starts, so
     * that the clients' own work is as small as it can be.
     */
    private Phase load(String name, Requests sent, String endpoint) throws Exception {
        int requests = sent.bodies.length;
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        long t0 = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            running.add(clients.submit(() -> {
                try (KeepAliveHttp http = new KeepAliveHttp(base.getHost(), base.getPort())) {
                    for (int i = sent.next.getAndIncrement(); i < requests; i = sent.next.getAndIncrement()) {
                        sent.send(http, endpoint, i, System.nanoTime());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        clients.shutdown();
        return sent.phase(name, seconds, Double.NaN);
    }

    /**
     * {@code requests} registrations arriving at {@code perSecond} on average whether or not the earlier ones are
     * answered (open loop): the times between arrivals are exponential (a Poisson stream, seed {@value #SEED}), as
     * when many people press "register" independently. Each latency runs from the moment its submit was due, not
     * from when a client got round to sending it, so that a server falling behind shows in every later submit
     * (no "coordinated omission"). The rate is the submits over the time from the first arrival to the last answer.
     */
    private Phase arriving(String name, Requests sent, double perSecond, String endpoint) throws Exception {
        int requests = sent.bodies.length;
        long[] due = new long[requests];
        Random gaps = new Random(SEED);
        double at = 0;
        for (int i = 0; i < requests; i++) {
            due[i] = (long) at;
            at += -Math.log(1 - gaps.nextDouble()) * 1e9 / perSecond;
        }
        ExecutorService clients = Executors.newFixedThreadPool(ARRIVING_CONNECTIONS);
        java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(ARRIVING_CONNECTIONS);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        long[] start = new long[1];
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < ARRIVING_CONNECTIONS; c++) {
            running.add(clients.submit(() -> {
                try (KeepAliveHttp http = new KeepAliveHttp(base.getHost(), base.getPort())) {
                    http.connect();
                    connected.countDown();
                    go.await();
                    for (int i = sent.next.getAndIncrement(); i < requests; i = sent.next.getAndIncrement()) {
                        long dueAt = start[0] + due[i];
                        for (long wait = dueAt - System.nanoTime(); wait > 0; wait = dueAt - System.nanoTime()) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        sent.send(http, endpoint, i, dueAt);
                    }
                }
                return null;
            }));
        }
        connected.await();
        start[0] = System.nanoTime();
        go.countDown();
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start[0]) / 1e9;
        clients.shutdown();
        return sent.phase(name, seconds, (requests - 1) / (due[requests - 1] / 1e9));
    }

    /** A phase's requests, made before its clock starts, and what became of each. */
    private static final class Requests {
        final String[] bodies;
        final String[] headers;
        final double[] latencies;
        /** When each submit was due or sent, in wall-clock microseconds: for {@code bench.registration.trace}. */
        final long[] startedMicros;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicLong firstFailure = new AtomicLong(-1);

        Requests(int count, String run, AtomicInteger sequence, boolean honeypot) {
            bodies = new String[count];
            headers = new String[count];
            latencies = new double[count];
            startedMicros = new long[count];
            for (int i = 0; i < count; i++) {
                int n = sequence.incrementAndGet();
                bodies[i] = body(run, n, honeypot);
                // every registrant from an address of their own, as at a real show: the limit is per address
                headers[i] = "X-Forwarded-For: 10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255) + "\r\n";
            }
        }

        /** Sends request {@code i} on the connection and keeps its latency, counted from {@code since}. */
        void send(KeepAliveHttp http, String endpoint, int i, long since) throws java.io.IOException {
            int status;
            try {
                status = http.postWithHeaders(endpoint, headers[i], bodies[i]).status();
            } catch (Exception e) {
                status = -1;
                http.close(); // the next request opens a new connection
            }
            long now = System.nanoTime();
            latencies[i] = (now - since) / 1e6;
            startedMicros[i] = System.currentTimeMillis() * 1_000 - (now - since) / 1_000;
            if (status != 201) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(-1, status);
            }
        }

        Phase phase(String name, double seconds, double offered) {
            if (failures.get() > 0) {
                System.out.println(name + ": " + failures.get() + " failures, the first with status " + firstFailure.get());
            }
            trace(name);
            return new Phase(name, bodies.length, seconds, latencies, failures.get(), offered);
        }

        /**
         * With {@code -Dbench.registration.trace=DIR}: each submit's start (wall clock, µs) and latency in a file per
         * phase, to be laid beside a flight recording's pauses (what made the slowest ones slow).
         */
        private void trace(String name) {
            String dir = System.getProperty("bench.registration.trace");
            if (dir == null) {
                return;
            }
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < latencies.length; i++) {
                lines.append(startedMicros[i]).append(' ').append(latencies[i]).append('\n');
            }
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(dir, name.replaceAll("\\W+", "-") + ".txt"), lines);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * A registrant: a person of the generator (realistic Latin and Chinese names, so that a common name
     * meets its namesakes as at a real show) with an address of their own, working for one of
     * {@value #COMPANIES} generated companies (as they spell it), in the company's country.
     */
    private static String body(String run, int n, boolean honeypot) {
        Random random = new Random(SEED + n);
        CustomerData.Person person = PEOPLE.person(n);
        CustomerData.Org company = PEOPLE.organization((int) person.organizationId() - 1);
        return "{\"category\":\"PROFESSIONAL\",\"firstName\":\"" + json(person.givenName()) + "\",\"lastName\":\""
                + json(person.familyName()) + "\",\"email\":\"bench-" + run + "-" + n
                + "@example.com\",\"organization\":\"" + json(company.name()) + "\",\"country\":\""
                + company.country() + "\",\"language\":\"" + (person.language() == null ? "en" : person.language())
                + "\",\"idempotencyKey\":\"" + run + "-" + n
                + "\",\"consent\":{\"terms\":true,\"leadSharing\":" + random.nextBoolean() + ",\"marketing\":"
                + random.nextBoolean() + "}" + (honeypot ? ",\"website\":\"http://spam.example\"" : "") + "}";
    }

    /**
     * Waits (at most {@value #DRAIN_SECONDS} s) until the mail sender has sent every mail of the edition queued so
     * far; the seconds it took.
     */
    private static double waitForOutbox(long exhibition) throws InterruptedException {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < DRAIN_SECONDS * 1_000_000_000L
                && QuarkusTransaction.requiringNew().call(() -> OutboxMail.count(
                "exhibitionId = ?1 and status in ?2", exhibition,
                List.of(MailStatus.PENDING, MailStatus.CLAIMED, MailStatus.SENDING))) > 0) {
            Thread.sleep(200);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * The database's own counts of statements and of commits so far (its global {@code Questions} and
     * {@code Com_commit}): per registration, a measure of the work that the machine's load does not change.
     */
    private static long[] databaseCounters() throws java.sql.SQLException {
        var config = ConfigProvider.getConfig();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("root"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             java.sql.Statement q = c.createStatement();
             java.sql.ResultSet rs = q.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_commit')")) {
            long[] counters = new long[2];
            while (rs.next()) {
                counters["Questions".equalsIgnoreCase(rs.getString(1)) ? 0 : 1] = rs.getLong(2);
            }
            return counters;
        }
    }

    /** MariaDB's global {@code Com_*} counters: how many statements of each kind it has run so far. */
    private static java.util.Map<String, Long> statementKinds() throws java.sql.SQLException {
        java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
        globalStatus("Com\\_%").forEach((name, value) -> kinds.put(name.substring(4), value));
        return kinds;
    }

    /** The server's global status counters whose names are {@code LIKE} the pattern, by name. */
    private static java.util.Map<String, Long> globalStatus(String like) throws java.sql.SQLException {
        var config = ConfigProvider.getConfig();
        java.util.Map<String, Long> counters = new java.util.TreeMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("root"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             java.sql.PreparedStatement q = c.prepareStatement("SHOW GLOBAL STATUS LIKE ?")) {
            q.setString(1, like);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    try {
                        counters.put(rs.getString(1), Long.parseLong(rs.getString(2)));
                    } catch (NumberFormatException notACounter) {
                        // a status text (ON, a version): not counted
                    }
                }
            }
        }
        return counters;
    }

    /** How the InnoDB counters that move changed between two readings (a log line, for a slow phase's why). */
    private static String moved(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        StringBuilder moved = new StringBuilder();
        after.forEach((name, value) -> {
            long delta = value - before.getOrDefault(name, 0L);
            if (delta != 0) {
                moved.append(moved.isEmpty() ? "" : ", ").append(name).append(' ').append(delta);
            }
        });
        return moved.toString();
    }

    /** The kinds that ran at least once in twenty registrations, largest first, as "select 20.1, insert 12.0". */
    private static String perRegistration(java.util.Map<String, Long> before, java.util.Map<String, Long> after,
                                          int count) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), (double) (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / count))
                .filter(e -> e.getValue() >= 0.05)
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> fmt("%s %.1f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String json(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String section(Phase warmup, Phase rewarm, double drained, Phase ceiling, Phase measured, TimelineRenderBenchmark.Load load,
                                  long registrations, long badges, long mails, boolean pass, List<String> problems,
                                  double statements, double commits, String kinds, double jvmCpuMs,
                                  double databaseCpuMs, double mailsAfter, long sentDuring, Drain drain,
                                  Phase arriving, TimelineRenderBenchmark.Load arrivingLoad, long sentWhileArriving) {
        StringBuilder md = new StringBuilder(HEADING).append("\n\n");
        md.append("Goal (registration, issue #5): public registration (validated, stored, badge signed, mail queued; "
                + "the registrant deduplicated after the commit, ADR 0024) at 1,000 or more per second with a p99 of "
                + "at most 50 ms on this machine with MariaDB, over loopback HTTP (request to last byte read).\n\n");
        md.append("Measured two ways (ADR 0033), both to be met: as in every run since the first, " + CONNECTIONS
                + " clients each sending their next submit when the last is answered (closed loop): the most the node "
                + "registers a second, and the p99 at that; and submits arriving at the goal's rate whether or not "
                + "earlier ones are answered (open loop, a Poisson stream), each timed from when it was due: the p99 "
                + "a registrant meets when 1,000 a second come. In the closed loop the wait is bounded by the clients' "
                + "number (on average it is their number divided by the rate); in the open loop a burst of arrivals "
                + "queues.\n\n");
        md.append(fmt("**%s**: saturated, %,.0f registrations/s at p99 %.1f ms; arriving at %,.0f a second, p99 %.1f ms "
                        + "(goal %,.0f/s at p99 ≤ %.0f ms)%s.%n%n",
                pass ? "PASS" : "FAIL", measured.rate(), measured.percentile(0.99), arriving.offered(),
                arriving.percentile(0.99), GOAL_PER_SECOND, P99_BUDGET_MS,
                problems.isEmpty() ? "" : "; " + String.join("; ", problems)));
        md.append(fmt("- Run: %s, `%s` (JUnit class `%s`, tag `benchmark`: the application as the test suite boots "
                        + "it, on its embedded MariaDB 11.4, with its mail sender delivering to the tests' GreenMail "
                        + "meanwhile).%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                System.getProperty("bench.command", "./mvnw -B -Pbench test"), RegistrationBenchmark.class.getName()));
        md.append(fmt("- Machine: %d cores (`Runtime.availableProcessors`), %s, %s %s, Java %s; clients, server and "
                        + "database on the same machine.%n", Runtime.getRuntime().availableProcessors(),
                MarkdownSection.cpuModel(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version")));
        md.append(fmt("- Load: during the measured registrations the machine's cores were %.0f%% busy: this JVM "
                        + "(clients and server) %.0f%%, its MariaDB %.0f%%, everything else %.0f%%; load average over "
                        + "the last minute at the end %.2f. %s%n", 100 * load.machineBusy(), 100 * load.jvm(),
                100 * load.database(), 100 * load.others(), load.loadAverage(), load.busy()
                        ? "Others were using the machine during this run, so the figures are lower than on an idle "
                        + "machine." : "The machine looked otherwise idle."));
        md.append(fmt("- Requests: `POST /api/public/exhibitions/{code}/registrations`, category PROFESSIONAL (no "
                        + "verification), %d clients at once (`KeepAliveHttp`: kept-alive connections, requests written and answers read as bytes, every phase's bodies made before the first phase), each sending its "
                        + "next registration when the last is answered; every registrant a new e-mail address and a "
                        + "client address of their own (the rate limit is per address); people and companies from "
                        + "`bench.customers.CustomerData` (Latin and Chinese names, %,d companies, each named again and "
                        + "again; every registrant writes from example.com, which is no company's own domain, so a "
                        + "name alone is never a sure match and each registrant's company is created anew with its "
                        + "namesakes proposed for review: the costliest case), consents mixed (seed %d). Warm-up %,d registrations in %.1f s first, "
                        + "the ceiling's requests, then %,d registrations again (%.1f s: the ceiling's honeypots change "
                        + "the request path's profile, which the JIT otherwise compiled again in the measured phase); "
                        + "after each warm-up the mail sender sent its mails (%.1f s in all), so that their badge PDFs "
                        + "take no CPU of a measured phase, and before each measured phase the tests' SMTP server "
                        + "forgot the mails it had received (they would leave the JVM for a real one).%n",
                CONNECTIONS, COMPANIES, SEED, warmup.requests(), warmup.seconds(), rewarm.requests(), rewarm.seconds(),
                drained));
        md.append(fmt("- Checked afterwards: %,d registrations, %,d badges and %,d confirmation mails (each naming its "
                + "badge PDF, made when the mail is sent) stored for the %,d registrations sent.%n%n", registrations, badges, mails,
                WARMUP + REWARM + MEASURED + ARRIVING_WARMUP + ARRIVING));
        md.append(fmt("- Database work: %.1f statements and %.1f commits per measured registration (MariaDB's global "
                + "`Questions` and `Com_commit` over the measured phase, the mail sender's meanwhile included): the "
                + "figure the machine's load does not change. By kind (MariaDB's `Com_*`, per registration): %s. "
                + "CPU per registration: %.1f ms in this JVM (clients and server), %.1f ms in MariaDB.%n",
                statements, commits, kinds, jvmCpuMs, databaseCpuMs));
        md.append(fmt("- Mail: the sender (one per node, badge PDFs made as it sends) gives way while submits queue "
                + "(ADR 0032): %,d of the measured registrations' confirmations were sent during their phase; it "
                + "sent the rest in %.1f s after it; the deferred deduplication below started after that.%n",
                sentDuring, mailsAfter));
        md.append(fmt("- Deferred deduplication (measured submits ran with the worker switched off; their backlog then "
                        + "drained in batches by `RegistrantDedupQueue.runPending`, nothing else running): %,d rows in "
                        + "%.1f s, **%,.0f rows/s**; %.1f statements, %.1f ms of JVM and %.1f ms of MariaDB CPU per "
                        + "row. By kind per row: %s.%n", drain.rows(), drain.seconds(), drain.rate(),
                drain.statements(), drain.jvmCpuMs(), drain.databaseCpuMs(), drain.kinds()));
        md.append(fmt("- Arriving: after that drain, %,d registrations arriving the same way unmeasured (a warm-up: "
                        + "arriving on their own, submits are decided in smaller batches, whose methods the JIT "
                        + "otherwise compiled in the measured phase), their deduplication and mails caught up; then "
                        + "%,d more (new people, same mix) arriving as a Poisson stream at %,.0f a second (seed %d) on "
                        + "%d kept-alive connections opened before the clock starts, each timed from the moment it was "
                        + "due to its last byte read; deduplication deferred and the mail sender giving way as in the "
                        + "saturated phase, both caught up afterwards, unmeasured.%n%n", ARRIVING_WARMUP,
                arriving.requests(), GOAL_PER_SECOND, SEED, ARRIVING_CONNECTIONS));
        md.append("| phase | requests | seconds | per second | median ms | p95 ms | p99 ms | max ms |\n"
                + "|---|--:|--:|--:|--:|--:|--:|--:|\n");
        md.append(row("ceiling: the same requests with the honeypot filled (rate limit, parsing, answer; nothing stored)",
                ceiling));
        md.append(row("**registrations, saturated** (" + CONNECTIONS + " clients, closed loop)", measured));
        md.append(row(fmt("**registrations arriving** (%,.0f a second offered, open loop, %d connections)",
                arriving.offered(), ARRIVING_CONNECTIONS), arriving));
        md.append(fmt("%n- rate(registrations, saturated) / rate(ceiling) = %.3f%n", measured.rate() / ceiling.rate()));
        md.append(fmt("- rate(registrations, saturated) / %,.0f per second goal = %.2f; p99 / %.0f ms budget: saturated "
                        + "%.2f, arriving %.2f%n", GOAL_PER_SECOND, measured.rate() / GOAL_PER_SECOND, P99_BUDGET_MS,
                measured.percentile(0.99) / P99_BUDGET_MS, arriving.percentile(0.99) / P99_BUDGET_MS));
        md.append(fmt("- While they arrived the machine's cores were %.0f%% busy: this JVM %.0f%%, its MariaDB %.0f%%, "
                        + "everything else %.0f%%; the mail sender sent %,d confirmations meanwhile.%s%n",
                100 * arrivingLoad.machineBusy(), 100 * arrivingLoad.jvm(), 100 * arrivingLoad.database(),
                100 * arrivingLoad.others(), sentWhileArriving, arrivingLoad.busy()
                        ? " Others were using the machine meanwhile." : ""));
        return md.toString();
    }

    private static String row(String label, Phase p) {
        return fmt("| %s | %,d | %.1f | %,.0f | %.1f | %.1f | %.1f | %.1f |%n", label, p.requests(), p.seconds(),
                p.rate(), p.percentile(0.5), p.percentile(0.95), p.percentile(0.99), p.percentile(1.0));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
