package org.expodesk.party;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.expodesk.platform.db.HeldUntilCommit;
import org.expodesk.platform.db.MultiRowInsert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Keeps {@code search_term} in step with organizations and people (docs/search.md): called by
 * {@link SearchIndexListener} whenever one is created, changed (renamed, merged, merge undone,
 * erased) or deleted, with plain JDBC in the caller's transaction, so a rolled-back change leaves
 * the index as it was. Merged organizations and erased people have no terms: the index cannot
 * bring them back.
 */
@ApplicationScoped
@Unremovable
public class SearchIndex {

    public static final String ORGANIZATION = "O";
    public static final String PERSON = "P";
    static final String DELETE = "DELETE FROM search_term WHERE party_type = ? AND party_id = ?";
    private static final String INTO = "INSERT INTO search_term (party_type, party_id, term)";
    public static final String INSERT = INTO + " VALUES (?, ?, ?)";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** The key of the terms a transaction holds back ({@link #holdUntilCommit}). */
    private static final String HELD = SearchIndex.class.getName() + ".held";

    /**
     * The terms of an organization just created, indexed once: when {@link Organizations} persists it, and only
     * if it was not yet, at its insert ({@link SearchIndexListener}). Its insert may wait for the flush (an import
     * chunk holds it, ADR 0029), while the next company of the same chunk is matched against these terms (its
     * alike block reads them from {@code search_term} after {@link #writeHeld}, and the run's
     * {@link LastingCommonTerms} counts and records them): so they are indexed as the persist returns, as they
     * were when the insert went out at once.
     */
    void created(Organization o) {
        if (!o.termsIndexed) {
            o.termsIndexed = true;
            index(o, false);
        }
    }

    /** {@code replace}: false for a record just created, which has no terms to delete first. */
    void index(Organization o, boolean replace) {
        Set<String> terms = o.mergedInto != null ? Set.of() : SearchTerms.organization(o.name, o.nameLatin, o.phone);
        HeldUntilCommit<Term> held = HeldUntilCommit.current(transaction, HELD);
        added(terms);
        if (transaction.getTransactionKey() != null
                && transaction.getResource(LastingCommonTerms.class) instanceof LastingCommonTerms lasting) {
            lasting.written.addAll(terms);
            if (!replace) {
                lasting.created.put(o.id, Set.copyOf(terms));
            }
        }
        if (!replace && held != null) {
            terms.forEach(term -> held.add(new Term(ORGANIZATION, o.id, term)));
            return;
        }
        write(ORGANIZATION, o.id, terms, replace);
    }

    void index(Person p, boolean replace) {
        Set<String> terms = Privacy.isErased(p) || p.mergedInto != null ? Set.of()
                : SearchTerms.person(p.familyName, p.givenName, p.phone);
        HeldUntilCommit<Term> held = HeldUntilCommit.current(transaction, HELD);
        if (!replace && held != null) {
            terms.forEach(term -> held.add(new Term(PERSON, p.id, term)));
            return;
        }
        write(PERSON, p.id, terms, replace);
    }

    private record Term(String type, long id, String term) {
    }

    /**
     * The caller's transaction writes the terms of the people and organizations it creates in one
     * batch before it commits (an import chunk creates hundreds). Any other change of the index, and
     * the duplicate check's read of organizations' terms, write them first, so the index changes in
     * the same order and the check sees them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdUntilCommit() {
        HeldUntilCommit.<Term>start(transaction, HELD, this::insert);
    }

    private void insert(List<Term> terms) {
        try (Connection connection = dataSource.getConnection()) {
            MultiRowInsert.write(connection, INTO, "", terms, t -> new Object[]{t.type(), t.id(), t.term()});
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the search index", e);
        }
    }

    /**
     * Organizations whose names share the most terms with these names (in either script), best
     * first: the name block of the duplicate check (docs/dedup.md). Only terms held by at most
     * {@code common} organizations count, so a city (深圳) or an industry word (electronics) does
     * not fill the block, and a lookup reads a bounded number of rows.
     */
    public List<Long> alikeOrganizations(String name, String nameLatin, int common, int limit) {
        Set<String> terms = SearchTerms.organization(name, nameLatin, null);
        writeHeld();
        List<String> rare = new ArrayList<>();
        if (terms.isEmpty()) {
            return List.of();
        }
        // a term this transaction found held by more than common organizations still is: its count only grows
        Set<String> knownCommon = commonTerms(common);
        Set<String> knownRare = rareTerms(common);
        List<String> all = terms.stream().filter(t -> !knownCommon.contains(t) && !knownRare.contains(t)).toList();
        terms.stream().filter(knownRare::contains).forEach(rare::add);
        if (all.isEmpty() && rare.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            countTerms(connection, all, common, rare);
            if (rare.isEmpty()) {
                return List.of();
            }
            String in = String.join(", ", Collections.nCopies(rare.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement("SELECT party_id FROM search_term"
                    + " WHERE party_type = 'O' AND term IN (" + in + ") GROUP BY party_id"
                    + " ORDER BY COUNT(*) DESC, party_id LIMIT " + limit)) {
                for (int i = 0; i < rare.size(); i++) {
                    select.setString(i + 1, rare.get(i));
                }
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the search index", e);
        }
    }

    /**
     * The name block of one of many names read at once: the rare terms it was looked up by, and what they found,
     * with how many of those terms each holds ({@code shared}, in the same order).
     */
    public record Alike(Set<String> rareTerms, List<Long> ids, List<Integer> shared) {
    }

    /**
     * {@link #alikeOrganizations} for many names at once ({@code names}: name and Latin name each),
     * in two round trips for all of them, with the same counts and the same order per name.
     */
    public List<Alike> alikeOrganizations(List<String[]> names, int common, int limit) {
        List<Set<String>> termsOf = names.stream().map(n -> SearchTerms.organization(n[0], n[1], null)).toList();
        writeHeld();
        Set<String> knownCommon = commonTerms(common);
        Set<String> knownRare = rareTerms(common);
        List<String> uncounted = termsOf.stream().flatMap(Set::stream)
                .filter(t -> !knownCommon.contains(t) && !knownRare.contains(t)).distinct().toList();
        Set<String> rare = new java.util.HashSet<>();
        termsOf.forEach(terms -> terms.stream().filter(knownRare::contains).forEach(rare::add));
        List<Alike> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            countTerms(connection, uncounted, common, rare);
            List<List<String>> rareOf = termsOf.stream().map(terms -> terms.stream().filter(rare::contains).toList())
                    .toList();
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < rareOf.size(); i++) {
                if (!rareOf.get(i).isEmpty()) {
                    sql.append(sql.isEmpty() ? "" : " UNION ALL ").append("(SELECT ").append(i)
                            .append(" AS part, party_id, COUNT(*) AS shared FROM search_term WHERE party_type = 'O' AND term IN (")
                            .append(String.join(", ", Collections.nCopies(rareOf.get(i).size(), "?")))
                            .append(") GROUP BY party_id ORDER BY COUNT(*) DESC, party_id LIMIT ").append(limit).append(')');
                }
            }
            List<List<long[]>> ids = new ArrayList<>();
            rareOf.forEach(r -> ids.add(new ArrayList<>()));
            if (!sql.isEmpty()) {
                try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                    int p = 1;
                    for (List<String> terms : rareOf) {
                        for (String term : terms) {
                            select.setString(p++, term);
                        }
                    }
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.get(rs.getInt(1)).add(new long[] {rs.getLong(2), rs.getLong(3)});
                        }
                    }
                }
            }
            for (int i = 0; i < rareOf.size(); i++) {
                // each part's own order (most shared terms first), whatever order the union returns them in
                List<long[]> ranked = ids.get(i).stream()
                        .sorted(java.util.Comparator.<long[]>comparingLong(r -> -r[1]).thenComparingLong(r -> r[0]))
                        .toList();
                found.add(new Alike(Set.copyOf(rareOf.get(i)), ranked.stream().map(r -> r[0]).toList(),
                        ranked.stream().map(r -> (int) r[1]).toList()));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the search index", e);
        }
    }

    /** Organizations' terms held by more than {@code common} of them, as far as this transaction has counted. */
    private record CommonTerms(int common, Set<String> terms) {
    }

    /**
     * Organizations' terms found held by far more than a name block's limit, remembered beyond one
     * transaction by a job that runs many in a row (an import's chunks, docs/import.md), so that each
     * is counted once per job and not once per transaction. Only a term held by more than the limit
     * plus a tenth is remembered so: a count only grows while the job adds organizations, and it would
     * take that many merges elsewhere during the job to bring such a term back under the limit. A
     * change that takes terms away from an organization in the job's transaction forgets them all.
     * A job hands each transaction a {@link #copy} and keeps it only once that transaction committed:
     * a count that saw a rolled-back transaction's own terms is not remembered.
     */
    public static final class LastingCommonTerms {
        private int common = -1;
        private final Set<String> terms = new java.util.HashSet<>();
        /**
         * Terms found held by at most the limit less a tenth, with their count then plus the terms the job has
         * added since: rare without counting them again while the count stays that far under the limit. The
         * job's own additions are counted here ({@link #added}), so it would take that many organizations
         * created elsewhere during the job to bring such a term over the limit.
         */
        private final java.util.Map<String, Integer> rare = new java.util.HashMap<>();
        /**
         * What the transaction this copy was handed to wrote of organizations' terms (not copied): the terms
         * it added, and whether it replaced or removed any organization's terms. An import checks against it
         * the name blocks it read for its next chunk before this transaction committed (docs/import.md).
         */
        private final Set<String> written = new java.util.HashSet<>();
        /** The organizations that transaction created, with their terms (not copied). */
        private final java.util.Map<Long, Set<String>> created = new java.util.HashMap<>();
        private boolean replaced;

        /**
         * The alike block {@code before}, read ahead in another transaction before the one this copy was handed to
         * committed, as a read after that commit finds it ({@code null}: the caller reads it again). When that
         * transaction added none of the block's rare terms, it is {@code before}. When it added some of them, only
         * by organizations it created, and each such term is still remembered as rare by {@code now} (the copy of
         * the transaction that takes the block over, which would therefore not count it again either): the
         * organizations it created are ranked into the block by the rare terms they share, as the read's
         * {@code ORDER BY COUNT(*) DESC, party_id LIMIT} would rank them. The first {@code limit} of the organizations
         * read ahead and those created are the first {@code limit} of all: one not read ahead ranked below them all.
         * An organization created that the read ahead already saw (it began after the commit) is ranked once.
         */
        public Alike completed(Alike before, LastingCommonTerms now, int limit) {
            if (replaced) {
                return null;
            }
            if (before.rareTerms().stream().noneMatch(written::contains)) {
                return before;
            }
            if (before.shared() == null || now.common != common || !before.rareTerms().stream()
                    .filter(written::contains).allMatch(now.rare::containsKey)) {
                return null;
            }
            java.util.Map<Long, Integer> shared = new java.util.HashMap<>();
            for (int i = 0; i < before.ids().size(); i++) {
                shared.put(before.ids().get(i), before.shared().get(i));
            }
            created.forEach((id, terms) -> {
                int n = (int) terms.stream().filter(before.rareTerms()::contains).count();
                if (n > 0) {
                    shared.putIfAbsent(id, n);
                }
            });
            List<java.util.Map.Entry<Long, Integer>> ranked = shared.entrySet().stream()
                    .sorted(java.util.Comparator.<java.util.Map.Entry<Long, Integer>>comparingInt(e -> -e.getValue())
                            .thenComparingLong(java.util.Map.Entry::getKey))
                    .limit(limit).toList();
            return new Alike(before.rareTerms(), ranked.stream().map(java.util.Map.Entry::getKey).toList(),
                    ranked.stream().map(java.util.Map.Entry::getValue).toList());
        }

        /**
         * Takes over what {@code earlier} (a copy handed to a read made in another transaction before
         * {@code between}'s transaction committed) found common or rare, except the terms {@code between}'s
         * transaction wrote: their counts are the same now. Nothing when that transaction took terms away.
         */
        public void learn(LastingCommonTerms earlier, LastingCommonTerms between) {
            if (between.replaced || earlier.common == -1 || common != -1 && common != earlier.common) {
                return;
            }
            common = earlier.common;
            terms.addAll(earlier.terms);
            earlier.rare.forEach((term, count) -> {
                if (!between.written.contains(term)) {
                    rare.putIfAbsent(term, count);
                }
            });
        }

        /** Whether the transaction this copy was handed to replaced or removed any organization's terms. */
        public boolean replacedAny() {
            return replaced;
        }

        public LastingCommonTerms copy() {
            LastingCommonTerms copy = new LastingCommonTerms();
            copy.common = common;
            copy.terms.addAll(terms);
            copy.rare.putAll(rare);
            return copy;
        }

        /** Whether this term is remembered as rare (held by few enough organizations), for tests. */
        boolean remembersRare(String term) {
            return rare.containsKey(term);
        }

        /** How many terms are remembered (for a job's log). */
        public int size() {
            return terms.size();
        }

        boolean remembers(String term) {
            return terms.contains(term);
        }
    }

    /** The current transaction starts from the terms {@code lasting} remembers, and adds those it finds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rememberCommonTerms(LastingCommonTerms lasting) {
        transaction.putResource(LastingCommonTerms.class, lasting);
    }

    /**
     * The current transaction's remembered terms ({@link #rememberCommonTerms}) take over what a read made
     * elsewhere found ({@link LastingCommonTerms#learn}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void learnCommonTerms(LastingCommonTerms earlier, LastingCommonTerms between) {
        if (transaction.getResource(LastingCommonTerms.class) instanceof LastingCommonTerms lasting) {
            lasting.learn(earlier, between);
        }
    }

    private LastingCommonTerms lasting(int common) {
        if (transaction.getTransactionKey() == null) {
            return null;
        }
        LastingCommonTerms lasting = (LastingCommonTerms) transaction.getResource(LastingCommonTerms.class);
        if (lasting != null && lasting.common != common) {
            if (lasting.common != -1) {
                return null;
            }
            lasting.common = common;
        }
        return lasting;
    }

    /** How far past {@code common} a count reads to tell a term worth remembering beyond this transaction. */
    /**
     * Counts {@code terms} among organizations' terms in one round trip, each read no further than
     * common + 1 rows (or past the margin); those held by at most {@code common} go to {@code rare}, and
     * every count is remembered for the run.
     */
    private void countTerms(Connection connection, List<String> terms, int common, Collection<String> rare)
            throws SQLException {
        if (terms.isEmpty()) {
            return;
        }
        String counts = String.join(" UNION ALL ", Collections.nCopies(terms.size(), "SELECT ? AS term, (SELECT COUNT(*)"
                + " FROM (SELECT 1 FROM search_term WHERE party_type = 'O' AND term = ? LIMIT "
                + (common + lastingMargin(common) + 1) + ") t) AS n"));
        try (PreparedStatement count = connection.prepareStatement(counts)) {
            for (int i = 0; i < terms.size(); i++) {
                count.setString(2 * i + 1, terms.get(i));
                count.setString(2 * i + 2, terms.get(i));
            }
            try (ResultSet rs = count.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(2) <= common) {
                        rare.add(rs.getString(1));
                    }
                    counted(common, rs.getString(1), rs.getInt(2));
                }
            }
        }
    }

    private int lastingMargin(int common) {
        return lasting(common) == null ? 0 : Math.max(1, common / 10);
    }

    /** A term's count read from the index (including what this transaction wrote). */
    private void counted(int common, String term, int count) {
        LastingCommonTerms lasting = lasting(common);
        if (count <= common) {
            if (lasting != null && count <= common - lastingMargin(common)) {
                lasting.rare.put(term, count);
            }
            return;
        }
        commonTerms(common).add(term);
        if (lasting != null && count > common + lastingMargin(common)) {
            lasting.terms.add(term);
        }
    }

    /** The terms the job remembers as rare (none outside a job). */
    private Set<String> rareTerms(int common) {
        LastingCommonTerms lasting = lasting(common);
        return lasting == null ? Set.of() : Collections.unmodifiableSet(lasting.rare.keySet());
    }

    /**
     * Organization terms this transaction adds to the index: a term remembered as rare counts them, and is
     * counted again once it comes within a tenth of the limit. (Terms taken away only make it rarer.)
     */
    private void added(Set<String> terms) {
        if (transaction.getTransactionKey() == null
                || !(transaction.getResource(LastingCommonTerms.class) instanceof LastingCommonTerms lasting)
                || lasting.common == -1 || lasting.rare.isEmpty()) {
            return;
        }
        int most = lasting.common - Math.max(1, lasting.common / 10);
        for (String term : terms) {
            Integer count = lasting.rare.get(term);
            if (count != null) {
                if (count + 1 > most) {
                    lasting.rare.remove(term);
                } else {
                    lasting.rare.put(term, count + 1);
                }
            }
        }
    }

    private Set<String> commonTerms(int common) {
        if (transaction.getTransactionKey() == null) {
            return new java.util.HashSet<>();
        }
        CommonTerms known = (CommonTerms) transaction.getResource(CommonTerms.class);
        if (known == null || known.common() != common) {
            known = new CommonTerms(common, new java.util.HashSet<>());
            LastingCommonTerms lasting = lasting(common);
            if (lasting != null) {
                known.terms().addAll(lasting.terms);
            }
            transaction.putResource(CommonTerms.class, known);
        }
        return known.terms();
    }

    /** Writes the terms this transaction holds back, before the index is read or changed otherwise. */
    private void writeHeld() {
        HeldUntilCommit<Term> held = HeldUntilCommit.current(transaction, HELD);
        if (held != null) {
            held.flush();
        }
    }

    void forget(String type, long id) {
        write(type, id, Set.of(), true);
    }

    private void write(String type, long id, Set<String> terms, boolean replace) {
        if (replace && ORGANIZATION.equals(type) && transaction.getTransactionKey() != null
                && transaction.getResource(CommonTerms.class) != null) {
            // terms taken away may make a common term rare again
            transaction.putResource(CommonTerms.class, new CommonTerms(-1, new java.util.HashSet<>()));
        }
        if (replace && ORGANIZATION.equals(type) && transaction.getTransactionKey() != null
                && transaction.getResource(LastingCommonTerms.class) instanceof LastingCommonTerms lasting) {
            lasting.terms.clear();
            lasting.replaced = true;
        }
        writeHeld();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, type);
            delete.setLong(2, id);
            if (replace) {
                delete.executeUpdate();
            }
            MultiRowInsert.write(connection, INTO, "", List.copyOf(terms), term -> new Object[]{type, id, term});
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the search index", e);
        }
    }
}
