package org.expodesk.party.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.party.Organization;
import org.expodesk.party.OrganizationChangeLog;
import org.expodesk.party.SearchIndex;
import org.expodesk.platform.db.QueuedInserts;
import org.hibernate.FlushMode;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the existing organizations a new one may be, and scores each (docs/dedup.md):
 * candidates come only from blocks on strong keys (credit code, web domain, phone, the start of
 * the name key), so a lookup stays cheap however big the database; each is then scored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrganizationMatcher {

    /** Mail providers' domains say nothing about the company. */
    static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com",
            "msn.com", "yahoo.com", "aol.com", "icloud.com", "me.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
            "web.de", "t-online.de", "mail.ru", "yandex.ru", "naver.com", "qq.com", "163.com", "126.com", "yeah.net",
            "sina.com", "sina.cn", "sohu.com", "139.com", "189.cn", "21cn.com", "foxmail.com", "aliyun.com", "tom.com",
            "sina.com.cn", "163.net", "263.net", "hinet.net", "ymail.com", "yahoo.co.jp", "yahoo.co.uk", "yahoo.com.cn",
            "yahoo.com.hk", "yahoo.com.tw", "hotmail.co.uk", "hotmail.fr", "outlook.jp", "live.cn", "hanmail.net",
            "daum.net", "rediffmail.com", "zoho.com", "mail.com");
    private static final int BLOCK_LIMIT = 200;
    /** A name term held by more organizations than this (a city, an industry word) does not block. */
    private static final int COMMON_TERM = 2000;
    static final double NAME_WEIGHT = 0.9;
    private static final double SAME_SITE = 0.08;
    private static final double SAME_PHONE = 0.05;
    private static final double SAME_CITY = 0.04;
    /** The most a name's score gains from the rest of the record (see {@link #score}). */
    static final double MOST_CORROBORATION = SAME_SITE + SAME_PHONE + SAME_CITY;

    @Inject
    DedupConfig config;

    @Inject
    SearchIndex searchIndex;

    @Inject
    OrganizationChangeLog changeLog;

    public enum Verdict { SURE, LIKELY, NEW }

    /**
     * A match, its record read when first asked for ({@link #organization}): a create that proposes its likely
     * matches for review needs only their ids (an import's new companies have up to five each), and reading them
     * as records was a twentieth of an import's own work. Read in the caller's transaction, as it is then.
     */
    public static final class Match {
        private final long organizationId;
        private final double score;
        private final List<String> reasons;
        private final Verdict verdict;
        private Organization organization;

        Match(long organizationId, double score, List<String> reasons, Verdict verdict) {
            this.organizationId = organizationId;
            this.score = score;
            this.reasons = reasons;
            this.verdict = verdict;
        }

        public long organizationId() {
            return organizationId;
        }

        /** The matched record: the one this transaction holds, else read now. */
        public Organization organization() {
            if (organization == null) {
                Organization held = HeldRecords.find(Organization.class, organizationId);
                organization = held != null ? held : Organization.findById(organizationId);
            }
            return organization;
        }

        public double score() {
            return score;
        }

        public List<String> reasons() {
            return reasons;
        }

        public Verdict verdict() {
            return verdict;
        }
    }

    /** The best matches, best first; empty when nothing comes close. */
    public List<Match> matches(Organization incoming) {
        return matches(incoming, null);
    }

    /**
     * The name blocks of many new organizations read ahead at once (a people file's new companies of
     * one import chunk), for one transaction: the same blocks each would read alone, and the
     * organizations created since from them ({@link #add}), which the index read could not see yet.
     */
    public static final class Blocks {
        private final Map<String, List<Candidate>> byNameKey = new java.util.HashMap<>();
        private final Map<String, SearchIndex.Alike> alike = new java.util.HashMap<>();
        private final Map<Long, Candidate> rows = new java.util.HashMap<>();
        private final List<Organization> created = new ArrayList<>();
        /** The names and name terms of each of {@link #created}, computed once and not once per later company. */
        private final List<Map.Entry<String, Set<String>>> createdTerms = new ArrayList<>();
        private int takenFromEarlier;
        private int completedFromEarlier;

        private static String names(String name, String nameLatin) {
            return name + '\u001F' + (nameLatin == null ? "" : nameLatin);
        }

        /** How many names' alike blocks were taken from blocks read earlier in another transaction (for a job's log). */
        /** Whether the organization's row is among the candidates these blocks score. */
        public boolean holds(long organizationId) {
            return rows.containsKey(organizationId);
        }

        /** The alike block held for this name (validated as a create validates it), best first; empty when none. */
        public List<Long> alikeOf(String name, String nameLatin) {
            SearchIndex.Alike a = alike.get(names(name, nameLatin));
            return a == null ? List.of() : a.ids();
        }

        /** Whether the alike block of one of the names these blocks hold finds the organization. */
        public boolean findsAlike(long organizationId) {
            return alike.values().stream().anyMatch(a -> a.ids().contains(organizationId));
        }

        public int takenFromEarlier() {
            return takenFromEarlier;
        }

        /** How many of those were taken with organizations created since the read added ({@link TakeOver}). */
        public int completedFromEarlier() {
            return completedFromEarlier;
        }

        /** How many names' alike blocks these hold. */
        public int names() {
            return alike.size();
        }

        /** An organization this transaction created after the blocks were read, found by the later ones. */
        public void add(Organization o) {
            created.add(o);
            createdTerms.add(Map.entry(names(o.name, o.nameLatin),
                    org.expodesk.party.SearchTerms.organization(o.name, o.nameLatin, null)));
        }

        /** The name terms of the {@code i}th organization created, as it is named now. */
        private Set<String> createdTerms(int i) {
            Organization o = created.get(i);
            Map.Entry<String, Set<String>> terms = createdTerms.get(i);
            return terms.getKey().equals(names(o.name, o.nameLatin)) ? terms.getValue()
                    : org.expodesk.party.SearchTerms.organization(o.name, o.nameLatin, null);
        }
    }

    /** Reads the name blocks of these new organizations (validated, not yet stored) in four round trips in all. */
    public Blocks readAhead(List<Organization> incoming) {
        return readAhead(incoming, null, terms -> false);
    }

    /**
     * The same, taking from {@code earlier} (read ahead for these names in another transaction, before the
     * last writes of the caller's job committed) the alike block of each name for which {@code leftAlone}
     * holds of its rare name terms: nothing written since added or took away one of them (nor took away any
     * term, which could make a common one rare), so counting and grouping them again would find the same
     * terms rare and the same organizations (docs/import.md, "Chunks overlapped"). The
     * name-key blocks are read again in any case, in the caller's transaction: they are what a create of
     * the very same company, waited for on its key lock, makes.
     */
    public Blocks readAhead(List<Organization> incoming, Blocks earlier,
                            java.util.function.Predicate<Set<String>> leftAlone) {
        return readAhead(incoming, earlier, (before, limit) -> leftAlone.test(before.rareTerms()) ? before : null);
    }

    /**
     * What a transaction takes over of an alike block read ahead in another: the block as its own read would find
     * it now (at most {@code limit} organizations), or {@code null} to read it itself.
     */
    @FunctionalInterface
    public interface TakeOver {
        SearchIndex.Alike apply(SearchIndex.Alike before, int limit);
    }

    /**
     * The candidates' rows one caller read in its earlier transactions (an import run's chunks: the alike
     * organizations of its new companies, 2.6 million rows a benchmark run, most of them read again and again), kept
     * for its later ones with the change log's position they were read at ({@link OrganizationChangeLog}, ADR 0030).
     * A later transaction first forgets every organization changed since, then takes the rest as read: each row is
     * then what that transaction's own read would find. Rows read by a transaction are kept only once it committed
     * ({@link #keepRead}), since they may show its own changes. Used by one thread at a time.
     */
    public static final class KeptRows {
        private final Map<Long, Candidate> rows = new java.util.HashMap<>();
        private final Map<Long, Candidate> read = new java.util.HashMap<>();
        private OrganizationChangeLog.Position position;
        private long taken;
        private long forgotten;

        /** The rows read by the transaction that just committed are kept too. */
        public void keepRead() {
            rows.putAll(read);
            read.clear();
        }

        /** The rows read by a transaction that rolled back are not. */
        public void dropRead() {
            read.clear();
        }

        /** How many rows were taken as kept instead of read (for a job's log). */
        public long taken() {
            return taken;
        }

        /** How many kept rows were forgotten because their organization changed (for a job's log). */
        public long forgotten() {
            return forgotten;
        }

        /** Forgets what changed since the last transaction, in the caller's transaction (before any row is taken). */
        void catchUp(OrganizationChangeLog log) {
            read.clear();
            if (position == null) {
                position = log.now();
                return;
            }
            OrganizationChangeLog.Since since = log.since(position);
            if (since.everything()) {
                forgotten += rows.size();
                rows.clear();
            } else {
                for (Long id : since.organizations()) {
                    if (rows.remove(id) != null) {
                        forgotten++;
                    }
                }
            }
            position = since.position();
        }
    }

    /**
     * The same, taking from {@code earlier} each alike block as {@code takeOver} gives it (e.g. with the
     * organizations the caller's job created since the read added, {@link SearchIndex.LastingCommonTerms#completed}).
     */
    public Blocks readAhead(List<Organization> incoming, Blocks earlier, TakeOver takeOver) {
        return readAhead(incoming, earlier, takeOver, null);
    }

    /**
     * The same, taking the rows of organizations alike that {@code kept} holds and that changed in no way since
     * ({@code null}: reads them all).
     */
    public Blocks readAhead(List<Organization> incoming, Blocks earlier, TakeOver takeOver, KeptRows kept) {
        Blocks b = new Blocks();
        List<Organization> named = incoming.stream().filter(o -> o.nameKey != null && !o.nameKey.isEmpty()).toList();
        if (named.isEmpty()) {
            return b;
        }
        List<String> keys = named.stream().map(o -> o.nameKey).distinct().toList();
        String sql = java.util.stream.IntStream.range(0, keys.size()).mapToObj(i -> "(SELECT " + i + " AS part, "
                + COLUMNS + " FROM organization WHERE name_key = ? AND merged_into IS NULL LIMIT " + BLOCK_LIMIT + ")")
                .collect(java.util.stream.Collectors.joining(" UNION ALL "));
        keys.forEach(k -> b.byNameKey.put(k, new ArrayList<>()));
        read(sql, keys, (part, c) -> b.byNameKey.get(keys.get(part)).add(c));
        List<Organization> toRead = new ArrayList<>();
        List<Organization> takenOver = new ArrayList<>();
        List<Long> reused = new ArrayList<>();
        for (Organization o : named) {
            String names = Blocks.names(o.name, o.nameLatin);
            SearchIndex.Alike before = earlier == null ? null : earlier.alike.get(names);
            // its other terms were held by more organizations than a block counts, and terms added keep them so
            SearchIndex.Alike now = before == null ? null : takeOver.apply(before, BLOCK_LIMIT);
            if (now != null) {
                b.alike.put(names, now);
                // only which ids are alike is taken over: their rows are read again below, in this transaction,
                // so a candidate merged away, renamed or deleted by someone else meanwhile is seen as it is now
                reused.addAll(now.ids());
                takenOver.add(o);
                b.takenFromEarlier++;
                if (now != before) {
                    b.completedFromEarlier++;
                }
            } else {
                toRead.add(o);
            }
        }
        List<SearchIndex.Alike> found = toRead.isEmpty() ? List.of() : readAlike(b, toRead);
        if (kept != null) {
            kept.catchUp(changeLog);
        }
        readRows(b, java.util.stream.Stream.concat(reused.stream(), found.stream().flatMap(a -> a.ids().stream())), kept);
        // a block taken over cut at its limit that lost an organization (merged away or deleted by another
        // transaction since the read ahead, which took its terms out of the index): the chunk's own read finds
        // the next one in its place, so it is read again here
        Set<String> seen = new java.util.HashSet<>();
        List<Organization> cut = takenOver.stream().filter(o -> seen.add(Blocks.names(o.name, o.nameLatin)))
                .filter(o -> cutAndLostOne(b.alike.get(Blocks.names(o.name, o.nameLatin)).ids(), b)).toList();
        if (!cut.isEmpty()) {
            for (Organization o : cut) {
                SearchIndex.Alike taken = b.alike.remove(Blocks.names(o.name, o.nameLatin));
                b.takenFromEarlier--;
                if (taken != earlier.alike.get(Blocks.names(o.name, o.nameLatin))) {
                    b.completedFromEarlier--;
                }
            }
            readRows(b, readAlike(b, cut).stream().flatMap(a -> a.ids().stream()), kept);
        }
        return b;
    }

    /** Whether a block cut at its limit holds an organization that is no live row of {@code b}'s now. */
    private static boolean cutAndLostOne(List<Long> ids, Blocks b) {
        return ids.size() >= BLOCK_LIMIT && !ids.stream().allMatch(b.rows::containsKey);
    }

    /** The rows of these organizations not held yet, live ones only; those {@code kept} holds taken from it. */
    private static void readRows(Blocks b, java.util.stream.Stream<Long> organizations, KeptRows kept) {
        List<Long> ids = organizations.distinct().filter(id -> !b.rows.containsKey(id)).filter(id -> {
            Candidate c = kept == null ? null : kept.rows.get(id);
            if (c != null) {
                b.rows.put(id, c);
                kept.taken++;
            }
            return c == null;
        }).toList();
        if (!ids.isEmpty()) {
            // the ids written into the statement (numbers, nothing to escape): the driver's handling of some 13,000
            // bound parameters a chunk took about as much Java time as reading the rows (docs/import.md, Round 4)
            StringBuilder list = new StringBuilder(ids.size() * 8);
            for (long id : ids) {
                list.append(list.isEmpty() ? "" : ",").append(id);
            }
            read("SELECT 0 AS part, " + COLUMNS + " FROM organization WHERE id IN (" + list + ") AND merged_into IS NULL",
                    List.of(), (part, c) -> {
                        b.rows.put(c.id, c);
                        if (kept != null) {
                            kept.read.put(c.id, c);
                        }
                    });
        }
    }

    /**
     * Only the alike blocks of these new organizations (which organizations share their rare name terms), for a
     * read ahead in another transaction: a chunk that takes such a block over reads the name-key blocks and the
     * organizations' rows itself in any case ({@link #readAhead(List, Blocks, java.util.function.Predicate)}), so
     * reading them ahead too was wasted (the rows of up to 200 organizations per name).
     */
    public Blocks alikeAhead(List<Organization> incoming) {
        Blocks b = new Blocks();
        List<Organization> named = incoming.stream().filter(o -> o.nameKey != null && !o.nameKey.isEmpty()).toList();
        if (!named.isEmpty()) {
            readAlike(b, named);
        }
        return b;
    }

    private List<SearchIndex.Alike> readAlike(Blocks b, List<Organization> toRead) {
        List<String[]> names = toRead.stream().map(o -> new String[] {o.name, o.nameLatin}).toList();
        List<SearchIndex.Alike> found = searchIndex.alikeOrganizations(names, COMMON_TERM, BLOCK_LIMIT);
        for (int i = 0; i < toRead.size(); i++) {
            b.alike.put(Blocks.names(toRead.get(i).name, toRead.get(i).nameLatin), found.get(i));
        }
        return found;
    }

    private static final String COLUMNS = "id, credit_code, name_key, name_latin, website, domain, phone_e164, country,"
            + " city";

    private static void read(String sql, List<?> values, java.util.function.BiConsumer<Integer, Candidate> into) {
        // the organizations a people import chunk created and holds are read as they would be (ADR 0029)
        QueuedInserts.write(Organization.getEntityManager());
        Organization.getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement q = c.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    q.setObject(i + 1, values.get(i));
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        into.accept(rs.getInt(1), new Candidate(rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10)));
                    }
                }
            }
        });
    }

    /**
     * The same, taking the name blocks from {@code blocks} when it holds them (read ahead for this very
     * name), and from the database otherwise.
     */
    public List<Match> matches(Organization incoming, Blocks blocks) {
        return matches(incoming, blocks, Integer.MAX_VALUE);
    }

    /**
     * The best {@code limit} of those matches, the same as the first {@code limit} of all of them: only
     * these are read as records (a name a company keeps registering under has up to 200 likely ones).
     */
    public List<Match> matches(Organization incoming, Blocks blocks, int limit) {
        return matches(incoming, blocks, limit, null);
    }

    /**
     * The same for a company named by one of its people, who gave an address at {@code memberMailDomain}
     * ({@code null}: none known), e.g. a registrant: their company's own domain is evidence that the company
     * with a like name and that domain is theirs (docs/dedup.md, ADR 0019).
     */
    public List<Match> matches(Organization incoming, Blocks blocks, int limit, String memberMailDomain) {
        String memberDomain = memberMailDomain == null || !config.memberMailDomain() ? null
                : memberMailDomain.strip().toLowerCase(java.util.Locale.ROOT);
        if (memberDomain != null && (memberDomain.isEmpty() || isFreeMail(memberDomain))) {
            memberDomain = null;
        }
        Map<Long, Candidate> candidates = new LinkedHashMap<>();
        if (incoming.creditCode != null) {
            block(candidates, "credit_code = ?", List.of(incoming.creditCode));
        }
        if (incoming.domain != null && !isFreeMail(incoming.domain)) {
            block(candidates, "domain = ?", List.of(incoming.domain));
        }
        if (incoming.phoneE164 != null) {
            block(candidates, "phone_e164 = ?", List.of(incoming.phoneE164));
        }
        SearchIndex.Alike ahead = blocks == null || incoming.nameKey == null ? null
                : blocks.alike.get(Blocks.names(incoming.name, incoming.nameLatin));
        if (ahead != null) {
            held(candidates, blocks.byNameKey.getOrDefault(incoming.nameKey, List.of()));
            held(candidates, ahead.ids().stream().sorted().map(blocks.rows::get).filter(java.util.Objects::nonNull)
                    .toList());
            // created since the blocks were read: what the index would now find by the name key or a rare term
            for (int i = 0; i < blocks.created.size(); i++) {
                Organization o = blocks.created.get(i);
                if (!candidates.containsKey(o.id) && o.mergedInto == null && (incoming.nameKey.equals(o.nameKey)
                        || blocks.createdTerms(i).stream().anyMatch(ahead.rareTerms()::contains))) {
                    candidates.put(o.id, Candidate.of(o));
                }
            }
        } else if (incoming.nameKey != null && !incoming.nameKey.isEmpty()) {
            block(candidates, "name_key = ?", List.of(incoming.nameKey));
            // names sharing the most uncommon words and character pairs, in either script
            List<Long> alike = searchIndex.alikeOrganizations(incoming.name, incoming.nameLatin, COMMON_TERM, BLOCK_LIMIT);
            if (!alike.isEmpty()) {
                block(candidates, "id IN (" + String.join(", ", java.util.Collections.nCopies(alike.size(), "?")) + ")",
                        alike);
            }
        }
        candidates.remove(incoming.id);
        List<Similarity.Against> keysA = keys(incoming.nameKey, incoming.nameLatin).stream().map(Similarity.Against::new)
                .toList();
        // many candidates share their names (a company registered again and again): each pair of names compared once
        Map<String, Double> nameScores = new java.util.HashMap<>();
        List<Scored> scored = new ArrayList<>();
        for (Candidate existing : candidates.values()) {
            Scored m = score(incoming, keysA, existing, nameScores, memberDomain);
            if (m != null) {
                scored.add(m);
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Match> matches = new ArrayList<>();
        for (Scored m : scored.subList(0, Math.min(limit, scored.size()))) {
            matches.add(new Match(m.id(), m.score(), m.reasons(), m.verdict()));
        }
        return matches;
    }

    /** A match before its record is read. */
    private record Scored(long id, double score, List<String> reasons, Verdict verdict) {
    }

    /**
     * What scoring reads of an existing organization: a row of a block (a name block holds up to 200,
     * of which scoring needs a few fields), or the current values of the record when this transaction
     * holds it.
     */
    private static final class Candidate {
        final long id;
        final String creditCode;
        final String nameKey;
        final String nameLatin;
        final String website;
        final String domain;
        final String phoneE164;
        final String country;
        final String city;
        /** Its names as scoring compares them ({@link #keys}), computed once: a chunk scores a row against many names. */
        private List<String> keys;

        Candidate(long id, String creditCode, String nameKey, String nameLatin, String website, String domain,
                  String phoneE164, String country, String city) {
            this.id = id;
            this.creditCode = creditCode;
            this.nameKey = nameKey;
            this.nameLatin = nameLatin;
            this.website = website;
            this.domain = domain;
            this.phoneE164 = phoneE164;
            this.country = country;
            this.city = city;
        }

        List<String> keys() {
            if (keys == null) {
                keys = OrganizationMatcher.keys(nameKey, nameLatin);
            }
            return keys;
        }

        static Candidate of(Organization o) {
            return new Candidate(o.id, o.creditCode, o.nameKey, o.nameLatin, o.website, o.domain, o.phoneE164, o.country,
                    o.city);
        }
    }

    /** The match with {@code b}, or {@code null} when the two are not alike enough to report. */
    private Scored score(Organization a, List<Similarity.Against> keysA, Candidate b, Map<String, Double> nameScores,
                         String memberDomain) {
        double score;
        double name = 0;
        boolean sameMemberDomain = false;
        boolean sameCreditCode = a.creditCode != null && a.creditCode.equals(b.creditCode);
        boolean sameSite = false;
        boolean samePhone = false;
        boolean otherCountry = false;
        boolean sameCity = false;
        if (sameCreditCode) {
            score = 1.0;
        } else if (a.creditCode != null && b.creditCode != null) {
            // two different registration numbers: two companies, however alike their names
            return null;
        } else {
            // each record's names in both scripts against the other's: "Shenzhen Huaqiang" alone still meets 华强
            // a name below this stays below likely whatever corroborates it: its score need not be exact
            double floor = (config.likely() - MOST_CORROBORATION) / NAME_WEIGHT - 1e-9;
            name = nameScores.computeIfAbsent(b.nameKey + '\u001F' + b.nameLatin, names -> {
                double best = 0;
                for (Similarity.Against x : keysA) {
                    for (String y : b.keys()) {
                        best = Math.max(best, x.atLeast(y, Math.max(floor, best)));
                    }
                }
                return best;
            });
            // a name alone, however alike, is for a person to judge: sure needs corroboration
            score = name * NAME_WEIGHT;
            // only a website says whose domain it is; a mail address may be a provider's or a group's
            sameSite = a.website != null && b.website != null && a.domain != null && a.domain.equals(b.domain)
                    && !isFreeMail(a.domain);
            if (sameSite) {
                score += SAME_SITE;
            }
            samePhone = a.phoneE164 != null && a.phoneE164.equals(b.phoneE164);
            if (samePhone) {
                score += SAME_PHONE;
            }
            if (a.country != null && b.country != null && !a.country.equals(b.country)) {
                score -= 0.15;
                otherCountry = true;
            } else if (a.city != null && b.city != null && org.expodesk.party.NameKeys.fold(a.city)
                    .equals(org.expodesk.party.NameKeys.fold(b.city))) {
                score += SAME_CITY;
                sameCity = true;
            }
            score = Math.max(0, Math.min(0.99, score));
            // sure, without a shared credit code, only for the very same name and a key of its own
            boolean exactName = a.nameKey != null && a.nameKey.equals(b.nameKey);
            // one of the company's people writing from the company's own domain (never a mail provider's, see
            // matches) corroborates a likely name: the company is theirs. Only a website says whose a domain is:
            // one taken from the company's e-mail address may be a provider's that the list above lacks
            sameMemberDomain = memberDomain != null && b.website != null && memberDomain.equals(b.domain)
                    && score >= config.likely();
            if (sameMemberDomain) {
                score = Math.max(score, config.sure());
            } else if (!(exactName && (sameSite || samePhone))) {
                score = Math.min(score, config.sure() - 0.0001);
            }
        }
        Verdict verdict = score >= config.sure() ? Verdict.SURE : score >= config.likely() ? Verdict.LIKELY : Verdict.NEW;
        if (verdict == Verdict.NEW) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        if (sameCreditCode) {
            reasons.add("same credit code");
        } else {
            reasons.add(String.format(java.util.Locale.ROOT, "name %.2f", name));
            if (sameSite) {
                reasons.add("same website");
            }
            if (sameMemberDomain) {
                reasons.add("registrant at company domain");
            }
            if (samePhone) {
                reasons.add("same phone");
            }
            if (otherCountry) {
                reasons.add("different country");
            } else if (sameCity) {
                reasons.add("same city");
            }
        }
        return new Scored(b.id, score, reasons, verdict);
    }

    private static List<String> keys(String nameKey, String nameLatin) {
        List<String> keys = new ArrayList<>();
        if (nameKey != null && !nameKey.isEmpty()) {
            keys.add(nameKey);
        }
        if (nameLatin != null) {
            String latin = org.expodesk.party.NameKeys.organization(nameLatin);
            if (!latin.isEmpty()) {
                keys.add(latin);
            }
        }
        return keys;
    }

    static boolean isFreeMail(String domain) {
        for (String provider : FREE_MAIL) {
            if (domain.equals(provider) || domain.endsWith("." + provider)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Up to {@link #BLOCK_LIMIT} live organizations matching {@code where}, read as rows; one this
     * transaction holds is taken with its current values.
     */
    private static void block(Map<Long, Candidate> into, String where, List<?> values) {
        Session session = Organization.getEntityManager().unwrap(Session.class);
        if (session.getHibernateFlushMode() == FlushMode.AUTO && session.isDirty()) {
            // what a query would do first: the rows must show this transaction's changes
            session.flush();
        }
        // the organizations a people import chunk created and holds (flush mode COMMIT) are read as they would be
        QueuedInserts.write(Organization.getEntityManager());
        List<Candidate> found = new ArrayList<>();
        session.doWork(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, credit_code, name_key, name_latin, website, domain,"
                    + " phone_e164, country, city FROM organization WHERE " + where + " AND merged_into IS NULL LIMIT "
                    + BLOCK_LIMIT)) {
                for (int i = 0; i < values.size(); i++) {
                    q.setObject(i + 1, values.get(i));
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                    }
                }
            }
        });
        held(into, found);
    }

    /** Candidates read as rows, each one this transaction holds with its current values instead. */
    private static void held(Map<Long, Candidate> into, List<Candidate> found) {
        java.util.function.LongFunction<Organization> heldRecords = HeldRecords.of(Organization.class);
        for (Candidate read : found) {
            if (!into.containsKey(read.id)) {
                Organization held = heldRecords.apply(read.id);
                into.put(read.id, held != null ? Candidate.of(held) : read);
            }
        }
    }
}
