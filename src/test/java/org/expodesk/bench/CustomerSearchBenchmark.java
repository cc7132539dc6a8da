package org.expodesk.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.expodesk.bench.customers.CustomerData;
import org.expodesk.bench.customers.CustomerDatabaseProfile;
import org.expodesk.bench.customers.CustomerLoader;
import org.expodesk.bench.customers.GroundTruth;
import org.expodesk.party.NameKeys;
import org.expodesk.party.Organization;
import org.expodesk.party.Person;
import org.expodesk.party.dedup.OrganizationMatcher;
import org.expodesk.party.dedup.PersonMatcher;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The speed goal of the customer database (issue #4): search p95 ≤ 30 ms over HTTP on 300,000
 * organizations and 1,000,000 people from {@link CustomerData}, and the precision and recall of
 * {@link OrganizationMatcher} on the generator's planted duplicates, with the time per lookup.
 * The application boots on a database of its own ({@link CustomerDatabaseProfile}, kept under
 * {@code target/bench-db} and reused while it holds the same data set). The scale comes from
 * {@code -Dbench.customers.organizations} and {@code -Dbench.customers.people} (default the full
 * 300,000 / 1,000,000).
 *
 * <p>Tagged {@code benchmark}: run by {@code ./mvnw -B -Pbench test} only. Each test writes its
 * own section of {@code docs/benchmarks.md}; the search one fails when the p95 misses the goal or
 * a query does not find what it should.
 */
@QuarkusTest
@TestProfile(CustomerDatabaseProfile.class)
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerSearchBenchmark {

    static final String SEARCH_HEADING = "## Customer search: 300,000 organizations and 1,000,000 people";
    static final String DEDUP_HEADING = "## Duplicate organizations: precision and recall on planted duplicates";
    static final double BUDGET_MS = 30;
    static final long QUERY_SEED = 20_261_123L;
    static final int QUERIES_PER_KIND = 60;
    static final int WARMUP_ROUNDS = 40;
    static final double WARMUP_SECONDS = 30;
    static final int MAX_ROUNDS = 400;
    static final double MAX_SECONDS = 90;
    static final int DEDUP_DUPLICATES = 1500;
    static final int DEDUP_ALIKES = 500;
    static final int DEDUP_ORIGINALS = 1000;
    static final String PERSON_DEDUP_HEADING = "## Duplicate people: precision and recall on planted duplicates";
    static final int PERSON_DEDUP_DUPLICATES = 1500;
    static final int PERSON_DEDUP_NAMESAKES = 500;
    static final int PERSON_DEDUP_ORIGINALS = 1000;

    private static CustomerData data;
    private static CustomerLoader.Outcome loaded;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    org.expodesk.audit.IdBlocks idBlocks;

    @Inject
    OrganizationMatcher matcher;

    @Inject
    PersonMatcher personMatcher;

    /** The kinds of query in the mix, each with the record it should find (0: any hit will do). */
    enum Kind {
        CHINESE_COMPANY("Chinese company name, 2–6 inner characters (康安电子)"),
        LATIN_COMPANY("Latin company name, words or their start (metrotronic chem)"),
        CHINESE_PERSON("Chinese person, full name or given name (王华俊, 华俊)"),
        LATIN_PERSON("Latin person, family and given name (schmidt julia)"),
        EMAIL("e-mail address of a person"),
        PHONE("phone of a person, as written or its last 8 digits"),
        DOMAIN("web domain of a company"),
        CREDIT_CODE("unified social credit code / VAT id");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    record Query(Kind kind, String q, String type, long expected) {
    }

    private synchronized void ensureData() throws Exception {
        if (data != null) {
            return;
        }
        CustomerData.Options options = CustomerData.Options.full().scaled(
                Integer.getInteger("bench.customers.organizations", 300_000),
                Integer.getInteger("bench.customers.people", 1_000_000));
        CustomerData d = new CustomerData(options);
        try (Connection c = dataSource.getConnection()) {
            loaded = CustomerLoader.ensure(c, d);
        }
        // loaded past IdBlocks: the next person and organization ids come from above them (ADR 0029)
        idBlocks.movePast(org.expodesk.party.Person.class);
        idBlocks.movePast(org.expodesk.party.Organization.class);
        GroundTruth.write(d, CustomerDatabaseProfile.ROOT.resolve("ground-truth-" + options.seed() + "-"
                + options.organizations() + ".csv"));
        GroundTruth.writePeople(d, CustomerDatabaseProfile.ROOT.resolve("ground-truth-people-" + options.seed() + "-"
                + options.people() + ".csv"));
        System.out.printf(Locale.ROOT, "customer data %s in %.0f s: %,d organizations, %,d people, %,d terms%n",
                loaded.reused() ? "reused" : "loaded", loaded.seconds(), loaded.organizations(), loaded.people(),
                loaded.terms());
        data = d;
    }

    // ------------------------------------------------------------------------------------------
    // search

    @Test
    @Order(1)
    void searchStaysWithinItsBudgetOnAMillionPeople() throws Exception {
        ensureData();
        String token = Api.token("admin", CustomerDatabaseProfile.adminPassword());
        Http http = new Http(URI.create(RestAssured.baseURI + ":" + RestAssured.port), token);
        Map<Kind, List<Query>> queries = queries(data);

        // checked before timing: what must be found is found
        Map<Kind, int[]> found = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (Map.Entry<Kind, List<Query>> e : queries.entrySet()) {
            int[] f = new int[3];  // found, crowded out (20 others first), queries with any hit
            for (Query q : e.getValue()) {
                String body = http.get("/api/search?q=" + URLEncoder.encode(q.q(), StandardCharsets.UTF_8));
                List<long[]> hits = hits(body);
                boolean any = !hits.isEmpty();
                boolean hit = hits.stream().anyMatch(h -> h[0] == (q.type().equals("organization") ? 0 : 1)
                        && h[1] == q.expected());
                f[0] += hit ? 1 : 0;
                f[1] += !hit && hits.size() >= 20 ? 1 : 0;
                f[2] += any ? 1 : 0;
                if (!hit && hits.size() < 20) {
                    misses.add(q.kind() + " \"" + q.q() + "\" did not find " + q.type() + " " + q.expected());
                }
            }
            found.put(e.getKey(), f);
        }

        List<IntSupplier> ops = new ArrayList<>();
        ops.add(() -> http.get("/api/me").length());
        int[] next = new int[Kind.values().length];
        for (Kind kind : Kind.values()) {
            List<Query> list = queries.get(kind);
            ops.add(() -> {
                Query q = list.get(next[kind.ordinal()]++ % list.size());
                return http.get("/api/search?q=" + URLEncoder.encode(q.q(), StandardCharsets.UTF_8)).length();
            });
        }
        InterleavedRun.Outcome warmup = InterleavedRun.run(ops, WARMUP_ROUNDS, WARMUP_SECONDS, 0, 0);
        TimelineRenderBenchmark.Load.Snapshot before = TimelineRenderBenchmark.Load.snapshot();
        InterleavedRun.Outcome outcome = InterleavedRun.run(ops, 0, 0, MAX_ROUNDS, MAX_SECONDS);
        TimelineRenderBenchmark.Load.Snapshot after = TimelineRenderBenchmark.Load.snapshot();
        TimelineRenderBenchmark.Load load = TimelineRenderBenchmark.Load.between(before, after,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), false);

        InterleavedRun.Figures[] figures = Arrays.stream(outcome.nanos()).map(InterleavedRun.Figures::of)
                .toArray(InterleavedRun.Figures[]::new);
        long[] all = Arrays.stream(outcome.nanos()).skip(1).flatMapToLong(Arrays::stream).toArray();
        InterleavedRun.Figures mix = InterleavedRun.Figures.of(all);
        boolean pass = mix.p95() <= BUDGET_MS && misses.isEmpty();

        StringBuilder md = new StringBuilder();
        md.append(SEARCH_HEADING).append("\n\n");
        md.append("Goal (customer database, issue #4): `GET /api/search?q=` answers in at most 30 ms on this machine "
                + "with 300,000 organizations and 1,000,000 people, judged on the p95 of a realistic mix of queries "
                + "over loopback HTTP (request to last byte read), every query finding what it should.\n\n");
        md.append(fmt("**%s**: the query mix took %.1f ms at the median and %.1f ms at p95 (budget %.0f ms)%s.%n%n",
                pass ? "PASS" : "FAIL", mix.median(), mix.p95(), BUDGET_MS,
                misses.isEmpty() ? "" : "; " + misses.size() + " queries did not find their record"));
        md.append(runLines(load));
        md.append(dataLine());
        md.append(fmt("- Queries (seed %d): %d of each kind below, drawn from the generated records; checked before "
                + "timing that each finds its record among the 20 hits, unless 20 others came first (a name shared by "
                + "many: \"crowded\").%n", QUERY_SEED, QUERIES_PER_KIND));
        md.append(fmt("- Timing: signed in as the administrator (bearer token, one kept-alive connection, "
                + "`java.net.http`); warm-up %d rounds (%.1f s), then %d measured rounds (%.1f s); each round runs "
                + "the ceiling and one query of each kind, in rotating order.%n%n", warmup.warmupRounds(),
                warmup.warmupSeconds(), outcome.rounds(), outcome.seconds()));
        md.append("| operation | found / crowded / any hit | min ms | median ms | p95 ms | max ms |\n"
                + "|---|--:|--:|--:|--:|--:|\n");
        md.append(row("ceiling: `GET /api/me`, same token check, one row read", "", figures[0]));
        for (Kind kind : Kind.values()) {
            int[] f = found.get(kind);
            md.append(row(kind.label, f[0] + " / " + f[1] + " / " + f[2], figures[kind.ordinal() + 1]));
        }
        md.append(row("**all queries of the mix**", "", mix));
        md.append(fmt("%n- median(mix) / median(ceiling) = %.1f×%n", mix.median() / figures[0].median()));
        md.append(fmt("- p95(mix) / %.0f ms budget = %.2f%n", BUDGET_MS, mix.p95() / BUDGET_MS));
        for (String miss : misses.stream().limit(5).toList()) {
            md.append("- miss: ").append(miss).append('\n');
        }
        MarkdownSection.publish(md.toString());
        if (!pass) {
            throw new AssertionError(fmt("search: p95 %.1f ms (goal %.0f ms), %d misses %s", mix.p95(), BUDGET_MS,
                    misses.size(), misses.stream().limit(5).toList()));
        }
    }

    static Map<Kind, List<Query>> queries(CustomerData data) {
        Random r = new Random(QUERY_SEED);
        int orgs = data.options().organizations();
        int people = data.options().people();
        Map<Kind, List<Query>> out = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            out.put(k, new ArrayList<>());
        }
        while (out.values().stream().anyMatch(l -> l.size() < QUERIES_PER_KIND)) {
            CustomerData.Org o = data.organization(r.nextInt(orgs));
            if (o.kind() != CustomerData.OrgKind.ORIGINAL) {
                continue;
            }
            String key = NameKeys.organization(o.name());
            boolean chinese = "CN".equals(o.country());
            if (chinese) {
                // leave out the city prefix: 康安电子 of 重庆市康安电子
                String core = key.replaceFirst("^.{2,3}[市省]", "");
                int len = Math.min(core.length(), 2 + r.nextInt(5));
                int from = r.nextInt(core.length() - len + 1);
                add(out, new Query(Kind.CHINESE_COMPANY, core.substring(from, from + len), "organization", o.id()));
                if (o.nameLatin() != null) {
                    String[] words = o.nameLatin().split(" ");
                    add(out, new Query(Kind.LATIN_COMPANY, words[1].toLowerCase(Locale.ROOT) + " "
                            + words[2].substring(0, Math.min(4, words[2].length())), "organization", o.id()));
                }
                if (o.creditCode() != null) {
                    add(out, new Query(Kind.CREDIT_CODE, o.creditCode(), "organization", o.id()));
                }
            } else {
                String[] words = o.name().split(" ");
                add(out, new Query(Kind.LATIN_COMPANY, words[0] + " " + words[1].substring(0, Math.min(5,
                        words[1].length())), "organization", o.id()));
                if (o.creditCode() != null && r.nextInt(4) == 0) {
                    add(out, new Query(Kind.CREDIT_CODE, o.creditCode(), "organization", o.id()));
                }
            }
            if (o.domain() != null && o.website() != null) {
                add(out, new Query(Kind.DOMAIN, o.domain(), "organization", o.id()));
            }
            CustomerData.Person p = data.person(r.nextInt(people));
            if (p.easternOrder()) {
                String name = r.nextInt(3) == 0 && p.givenName().length() == 2 ? p.givenName()
                        : p.familyName() + p.givenName();
                add(out, new Query(Kind.CHINESE_PERSON, name, "person", p.id()));
            } else {
                add(out, new Query(Kind.LATIN_PERSON, p.familyName() + " " + p.givenName(), "person", p.id()));
            }
            if (p.email() != null) {
                add(out, new Query(Kind.EMAIL, p.email(), "person", p.id()));
            }
            if (p.phone() != null) {
                String digits = p.phone().replaceAll("\\D", "");
                add(out, new Query(Kind.PHONE, r.nextBoolean() ? p.phone() : digits.substring(digits.length() - 8),
                        "person", p.id()));
            }
        }
        return out;
    }

    private static void add(Map<Kind, List<Query>> out, Query q) {
        List<Query> list = out.get(q.kind());
        if (list.size() < QUERIES_PER_KIND) {
            list.add(q);
        }
    }

    private static final Pattern HIT = Pattern.compile("\"type\":\"(organization|person)\",\"id\":(\\d+)");

    /** {type (0 organization, 1 person), id} of each hit. */
    private static List<long[]> hits(String body) {
        List<long[]> hits = new ArrayList<>();
        Matcher m = HIT.matcher(body);
        while (m.find()) {
            hits.add(new long[] {m.group(1).equals("organization") ? 0 : 1, Long.parseLong(m.group(2))});
        }
        return hits;
    }

    // ------------------------------------------------------------------------------------------
    // dedup

    @Test
    @Order(2)
    void organizationMatcherOnThePlantedDuplicates() throws Exception {
        ensureData();
        List<CustomerData.Org> lookups = new ArrayList<>();
        int dups = 0;
        int alikes = 0;
        int originals = 0;
        Random r = new Random(QUERY_SEED + 1);
        for (int i = 0; i < data.options().organizations() && (dups < DEDUP_DUPLICATES || alikes < DEDUP_ALIKES); i++) {
            CustomerData.Org o = data.organization(i);
            if (o.kind() == CustomerData.OrgKind.DUPLICATE && dups < DEDUP_DUPLICATES) {
                lookups.add(o);
                dups++;
            } else if (o.kind() == CustomerData.OrgKind.ALIKE && alikes < DEDUP_ALIKES) {
                lookups.add(o);
                alikes++;
            }
        }
        while (originals < DEDUP_ORIGINALS) {
            CustomerData.Org o = data.organization(r.nextInt(data.options().organizations()));
            if (o.kind() == CustomerData.OrgKind.ORIGINAL) {
                lookups.add(o);
                originals++;
            }
        }

        Map<Long, Long> entities = new java.util.HashMap<>();
        int[] flagged = new int[2];      // SURE, LIKELY pairs reported
        int[] right = new int[2];        // of which the same company
        int foundSure = 0;
        int foundAny = 0;
        Map<String, int[]> byVariation = new TreeMap<>();  // duplicates, found any, found sure
        List<String> wrongSure = new ArrayList<>();
        long[] nanos = new long[lookups.size()];
        long[] ceiling = new long[lookups.size()];
        for (int i = 0; i < lookups.size(); i++) {
            CustomerData.Org o = lookups.get(i);
            Organization incoming = incoming(o);
            long t0 = System.nanoTime();
            List<OrganizationMatcher.Match> matches = QuarkusTransaction.requiringNew().call(() -> matcher.matches(incoming));
            nanos[i] = System.nanoTime() - t0;
            long id = 1 + r.nextInt(data.options().organizations());
            t0 = System.nanoTime();
            QuarkusTransaction.requiringNew().call(() -> Organization.findById(id));
            ceiling[i] = System.nanoTime() - t0;
            boolean sure = false;
            boolean any = false;
            // as a create does: a sure match is taken, else at most 5 likely ones go to the review queue
            boolean taken = !matches.isEmpty() && matches.get(0).verdict() == OrganizationMatcher.Verdict.SURE;
            for (OrganizationMatcher.Match m : taken ? matches.subList(0, 1) : matches.stream().limit(5).toList()) {
                long entity = entities.computeIfAbsent(m.organization().id,
                        x -> data.organization((int) (x - 1)).entity());
                int v = m.verdict() == OrganizationMatcher.Verdict.SURE ? 0 : 1;
                flagged[v]++;
                if (entity == o.entity()) {
                    right[v]++;
                    any = true;
                    sure |= v == 0;
                } else if (v == 0 && wrongSure.size() < 5) {
                    wrongSure.add(o.name() + " (" + o.kind() + ", " + o.id() + ") ⇒ " + m.organization().name + " ("
                            + m.organization().id + "): " + String.join(", ", m.reasons()));
                }
            }
            if (o.kind() == CustomerData.OrgKind.DUPLICATE) {
                foundSure += sure ? 1 : 0;
                foundAny += any ? 1 : 0;
                for (String variation : (o.variations().isEmpty() ? "NONE" : o.variations()).split(",")) {
                    int[] c = byVariation.computeIfAbsent(variation, x -> new int[3]);
                    c[0]++;
                    c[1] += any ? 1 : 0;
                    c[2] += sure ? 1 : 0;
                }
            }
        }
        InterleavedRun.Figures lookup = InterleavedRun.Figures.of(nanos);
        InterleavedRun.Figures bare = InterleavedRun.Figures.of(ceiling);

        StringBuilder md = new StringBuilder();
        md.append(DEDUP_HEADING).append("\n\n");
        md.append("Quality goal (customer database, issue #4): report the precision and recall of the duplicate check "
                + "(`OrganizationMatcher`, docs/dedup.md) on the generator's planted duplicates, and what one check "
                + "costs on the full database.\n\n");
        md.append(fmt("**Recall**: %.1f%% of the planted duplicates were found (sure or likely), %.1f%% as sure. "
                + "**Precision**: %.1f%% of the sure pairs and %.1f%% of the likely pairs are the same company. "
                + "One check took %.2f ms at the median and %.2f ms at p95.%n%n",
                pct(foundAny, dups), pct(foundSure, dups), pct(right[0], flagged[0]), pct(right[1], flagged[1]),
                lookup.median(), lookup.p95()));
        md.append(runLines(null));
        md.append(dataLine());
        md.append(fmt("- Checks: the first %,d planted duplicates, the first %,d look-alikes (distinct companies named "
                + "like another: same trade name in another city or country, a sister company on the group's domain) "
                + "and %,d originals drawn with seed %d, each checked as if it came in again (`matches`, its own row "
                + "left out), one transaction each. A reported pair is right when both records stand for the same "
                + "company in the ground truth (`target/bench-db/ground-truth-*.csv`).%n%n", dups, alikes, originals,
                QUERY_SEED + 1));
        qualityTables(md, new Quality("same company", "several", "Organization", "OrganizationMatcher", flagged, right,
                byVariation, dups, foundAny, foundSure, bare, lookup, wrongSure));
        MarkdownSection.publish(md.toString());
    }

    /** The record as a create or an import would present it to the matcher. */
    private static Organization incoming(CustomerData.Org o) {
        // as a create or an import reads the phone before the check (Organizations.validated)
        String phoneE164 = org.expodesk.party.Phones.e164(o.phone(), o.country());
        Organization org = new Organization();
        org.id = o.id();
        org.name = o.name();
        org.nameLatin = o.nameLatin();
        org.creditCode = o.creditCode() == null ? null : o.creditCode().toUpperCase(Locale.ROOT);
        org.country = o.country();
        org.province = o.province();
        org.city = o.city();
        org.website = o.website();
        org.domain = o.domain();
        org.phone = o.phone();
        org.phoneE164 = phoneE164;
        org.email = o.email();
        org.nameKey = NameKeys.organization(o.name());
        return org;
    }

    @Test
    @Order(3)
    void personMatcherOnThePlantedDuplicates() throws Exception {
        ensureData();
        int people = data.options().people();
        List<CustomerData.Person> lookups = new ArrayList<>();
        int dups = 0;
        int namesakes = 0;
        int originals = 0;
        for (int i = people; i < data.peopleInDatabase()
                && (dups < PERSON_DEDUP_DUPLICATES || namesakes < PERSON_DEDUP_NAMESAKES); i++) {
            CustomerData.Person p = data.anyPerson(i);
            if (p.kind() == CustomerData.PersonKind.DUPLICATE && dups < PERSON_DEDUP_DUPLICATES) {
                lookups.add(p);
                dups++;
            } else if (p.kind() == CustomerData.PersonKind.NAMESAKE && namesakes < PERSON_DEDUP_NAMESAKES) {
                lookups.add(p);
                namesakes++;
            }
        }
        Random r = new Random(QUERY_SEED + 2);
        while (originals < PERSON_DEDUP_ORIGINALS) {
            lookups.add(data.person(r.nextInt(people)));
            originals++;
        }

        int[] flagged = new int[2];      // SURE, LIKELY pairs reported
        int[] right = new int[2];        // of which the same person
        int foundSure = 0;
        int foundAny = 0;
        int[] namesakeFlagged = new int[2];  // namesake checks that reported their namesake as SURE, LIKELY
        Map<String, int[]> byVariation = new TreeMap<>();  // duplicates, found any, found sure
        List<String> wrongSure = new ArrayList<>();
        long[] nanos = new long[lookups.size()];
        long[] ceiling = new long[lookups.size()];
        for (int i = 0; i < lookups.size(); i++) {
            CustomerData.Person p = lookups.get(i);
            Person incoming = incoming(p);
            long t0 = System.nanoTime();
            List<PersonMatcher.Match> matches = QuarkusTransaction.requiringNew().call(() -> personMatcher.matches(incoming));
            nanos[i] = System.nanoTime() - t0;
            long id = 1 + r.nextInt(data.peopleInDatabase());
            t0 = System.nanoTime();
            QuarkusTransaction.requiringNew().call(() -> Person.findById(id));
            ceiling[i] = System.nanoTime() - t0;
            boolean sure = false;
            boolean any = false;
            // as a create does: a sure match is taken, else at most 5 likely ones go to the review queue
            boolean taken = !matches.isEmpty() && matches.get(0).verdict() == PersonMatcher.Verdict.SURE;
            for (PersonMatcher.Match m : taken ? matches.subList(0, 1) : matches.stream().limit(5).toList()) {
                CustomerData.Person found = data.anyPerson((int) (m.person().id - 1));
                int v = m.verdict() == PersonMatcher.Verdict.SURE ? 0 : 1;
                flagged[v]++;
                if (found.entity() == p.entity()) {
                    right[v]++;
                    any = true;
                    sure |= v == 0;
                } else {
                    if (p.kind() == CustomerData.PersonKind.NAMESAKE && found.id() == p.of()) {
                        namesakeFlagged[v]++;
                    }
                    if (v == 0 && wrongSure.size() < 5) {
                        wrongSure.add(p.familyName() + " " + p.givenName() + " (" + p.kind() + ", " + p.id() + ") ⇒ "
                                + m.person().familyName + " " + m.person().givenName + " (" + m.person().id + "): "
                                + String.join(", ", m.reasons()));
                    }
                }
            }
            if (p.kind() == CustomerData.PersonKind.DUPLICATE) {
                foundSure += sure ? 1 : 0;
                foundAny += any ? 1 : 0;
                for (String variation : p.variations().split(",")) {
                    int[] c = byVariation.computeIfAbsent(variation, x -> new int[3]);
                    c[0]++;
                    c[1] += any ? 1 : 0;
                    c[2] += sure ? 1 : 0;
                }
            }
        }
        InterleavedRun.Figures lookup = InterleavedRun.Figures.of(nanos);
        InterleavedRun.Figures bare = InterleavedRun.Figures.of(ceiling);

        StringBuilder md = new StringBuilder();
        md.append(PERSON_DEDUP_HEADING).append("\n\n");
        md.append("Quality goal (customer database, issue #4): report the precision and recall of the duplicate check "
                + "for people (`PersonMatcher`, docs/dedup.md section 7) on the generator's planted duplicates, and "
                + "what one check costs.\n\n");
        md.append(fmt("**Recall**: %.1f%% of the planted duplicates were found (sure or likely), %.1f%% as sure. "
                + "**Precision**: %.1f%% of the sure pairs and %.1f%% of the likely pairs are the same person. "
                + "Of %,d namesakes (another person of the same name at the same company), %,d were taken as sure for "
                + "their namesake and %,d proposed as likely. One check took %.2f ms at the median and %.2f ms at "
                + "p95.%n%n", pct(foundAny, dups), pct(foundSure, dups), pct(right[0], flagged[0]),
                pct(right[1], flagged[1]), namesakes, namesakeFlagged[0], namesakeFlagged[1], lookup.median(),
                lookup.p95()));
        md.append(runLines(null));
        md.append(dataLine());
        md.append(fmt("- Planted people (`CustomerData`, after the %,d originals, which they leave as they were): %,d "
                + "(%.1f%% second records of an original at the same company, %.1f%% namesakes: the same name at the "
                + "same company with a mail address of their own).%n", people, data.plantedPeople(),
                100 * CustomerData.PERSON_DUPLICATE_SHARE, 100 * CustomerData.PERSON_NAMESAKE_SHARE));
        md.append(fmt("- Checks: the first %,d planted duplicates, the first %,d namesakes and %,d originals drawn "
                + "with seed %d, each checked as if it came in again (`matches`, its own row left out), one "
                + "transaction each. A reported pair is right when both records stand for the same person in the "
                + "ground truth (`target/bench-db/ground-truth-people-*.csv`); an original is right to find its "
                + "planted second record.%n%n", dups, namesakes, originals, QUERY_SEED + 2));
        qualityTables(md, new Quality("same person", "two", "Person", "PersonMatcher", flagged, right, byVariation, dups,
                foundAny, foundSure, bare, lookup, wrongSure));
        MarkdownSection.publish(md.toString());
    }

    /** The person as a create or an import would present it to the matcher. */
    private static Person incoming(CustomerData.Person p) {
        Person person = new Person();
        person.id = p.id();
        person.familyName = p.familyName();
        person.givenName = p.givenName();
        person.easternOrder = p.easternOrder();
        person.jobTitle = p.jobTitle();
        person.email = p.email() == null ? null : p.email().trim().toLowerCase(Locale.ROOT);
        person.phone = p.phone();
        person.phoneE164 = org.expodesk.party.Phones.e164(p.phone(), null);
        person.organizationId = p.organizationId();
        person.language = p.language();
        person.nameKey = NameKeys.person(p.familyName(), p.givenName());
        return person;
    }

    // ------------------------------------------------------------------------------------------
    // the report

    private static String runLines(TimelineRenderBenchmark.Load load) {
        StringBuilder md = new StringBuilder();
        md.append(fmt("- Run: %s, `%s` (JUnit class `%s`, tag `benchmark`, test profile `CustomerDatabaseProfile`: "
                + "the application on an embedded MariaDB 11.4 of its own, data kept in `target/bench-db`).%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                System.getProperty("bench.command", "./mvnw -B -Pbench test"), CustomerSearchBenchmark.class.getName()));
        md.append(fmt("- Machine: %d cores (`Runtime.availableProcessors`), %s, %s %s, Java %s; client, server and "
                + "database on the same machine.%n", Runtime.getRuntime().availableProcessors(), MarkdownSection.cpuModel(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version")));
        if (load != null) {
            md.append(fmt("- Load: during the measured rounds the machine's cores were %.0f%% busy: this JVM (client "
                    + "and server) %.0f%%, its MariaDB servers %.0f%%, everything else %.0f%%; load average over the "
                    + "last minute at the end %.2f. %s%n", 100 * load.machineBusy(), 100 * load.jvm(),
                    100 * load.database(), 100 * load.others(), load.loadAverage(), load.busy()
                            ? "Others were using the machine during this run, so the figures, the max above all, are "
                            + "noisier than on an idle machine." : "The machine looked otherwise idle."));
        } else {
            md.append(fmt("- Load: load average over the last minute at the end %.2f.%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
        return md.toString();
    }

    private static String dataLine() {
        CustomerData.Options o = data.options();
        return fmt("- Data: `CustomerData` seed %d: %,d organizations (%.0f%% planted duplicates, %.0f%% look-alikes), "
                + "%,d people each employed by one, %,d search terms; %s in %.0f s.%n", o.seed(), o.organizations(),
                100 * o.duplicateShare(), 100 * o.alikeShare(), o.people(), loaded.terms(),
                loaded.reused() ? "reused from an earlier run (counts checked)" : "generated and loaded through JDBC",
                loaded.seconds());
    }

    private static String row(String label, String found, InterleavedRun.Figures f) {
        return fmt("| %s | %s | %.1f | %.1f | %.1f | %.1f |%n", label, found, f.min(), f.median(), f.p95(), f.max());
    }

    /** What a dedup quality run counted, and the words its tables use for the records. */
    private record Quality(String same, String atMost, String entity, String matcher, int[] flagged, int[] right,
                           Map<String, int[]> byVariation, int dups, int foundAny, int foundSure,
                           InterleavedRun.Figures bare, InterleavedRun.Figures lookup, List<String> wrongSure) {
    }

    /** The tables every dedup quality section shows: precision per verdict, recall per variation, time per check. */
    private static void qualityTables(StringBuilder md, Quality q) {
        md.append("| verdict (a sure match is taken alone; at most 5 likely ones per check, as a create proposes) | pairs "
                + "reported | " + q.same() + " | precision |\n|---|--:|--:|--:|\n");
        md.append(fmt("| sure (merged without asking) | %,d | %,d | %.1f%% |%n", q.flagged()[0], q.right()[0],
                pct(q.right()[0], q.flagged()[0])));
        md.append(fmt("| likely (review queue) | %,d | %,d | %.1f%% |%n%n", q.flagged()[1], q.right()[1],
                pct(q.right()[1], q.flagged()[1])));
        md.append("| planted duplicates, by variation (one duplicate may have " + q.atMost() + ") | count | found | recall "
                + "| as sure |\n|---|--:|--:|--:|--:|\n");
        for (Map.Entry<String, int[]> e : q.byVariation().entrySet()) {
            int[] c = e.getValue();
            md.append(fmt("| %s | %,d | %,d | %.1f%% | %.1f%% |%n", e.getKey().toLowerCase(Locale.ROOT).replace('_', ' '),
                    c[0], c[1], pct(c[1], c[0]), pct(c[2], c[0])));
        }
        md.append(fmt("| **all** | %,d | %,d | %.1f%% | %.1f%% |%n%n", q.dups(), q.foundAny(), pct(q.foundAny(), q.dups()),
                pct(q.foundSure(), q.dups())));
        md.append("| operation | min ms | median ms | p95 ms | max ms |\n|---|--:|--:|--:|--:|\n");
        md.append(fmt("| ceiling: `%s.findById` in its own transaction | %.2f | %.2f | %.2f | %.2f |%n", q.entity(),
                q.bare().min(), q.bare().median(), q.bare().p95(), q.bare().max()));
        md.append(fmt("| **`%s.matches`**: blocks, candidates, scores | %.2f | %.2f | %.2f | %.2f |%n", q.matcher(),
                q.lookup().min(), q.lookup().median(), q.lookup().p95(), q.lookup().max()));
        md.append(fmt("%n- median(check) / median(ceiling) = %.1f×%n", q.lookup().median() / q.bare().median()));
        for (String wrong : q.wrongSure()) {
            md.append("- a wrong sure pair: ").append(wrong).append('\n');
        }
    }

    private static double pct(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }



    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** GETs with the bearer token over one kept-alive loopback connection; anything but 200 stops the run. */
    private static final class Http {

        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final URI root;
        private final String token;

        Http(URI root, String token) {
            this.root = root;
            this.token = token;
        }

        String get(String path) {
            HttpRequest request = HttpRequest.newBuilder(root.resolve(path)).GET().timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new AssertionError("GET " + path + " answered " + response.statusCode());
                }
                return response.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
