package org.expodesk.party;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finding people and organizations by any part of a name (Latin words by their start, Chinese
 * names by any two or more characters in a row), an e-mail address, a phone number (its start or
 * its end), a web domain or a credit code. Every word typed must match. Names and phones are
 * looked up in the term index ({@link SearchTerms}, docs/search.md), the rest by their columns'
 * own indexes, so no query scans a table.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PartySearch {

    static final int LIMIT = 20;
    private static final java.util.regex.Pattern PHONE_LIKE = java.util.regex.Pattern.compile("[0-9+()\\-./\\s]+");
    /**
     * At most this many records are taken per term before sorting by name: a fragment met by more
     * (a common surname alone) shows 20 of these, and typing more narrows it down.
     */
    static final int CANDIDATES = 200;

    public record Hit(String type, long id, String name, String detail) {
    }

    public List<Hit> search(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        // split where names are split into terms: "Ji-woo" is two words there, so here too
        String[] typed = SearchTerms.WORD_BREAK.split(q);
        List<String> words = Arrays.stream(typed).map(NameKeys::fold).filter(w -> !w.isEmpty()).toList();
        // only what looks like a phone number is looked up as one: not the digits of "Huaqiang88"
        String digits = PHONE_LIKE.matcher(q).matches() ? SearchTerms.digits(q) : "";
        // "+86 138 0013 8000" and "13800138000" are the same number: whole numbers are also looked up in E.164
        String e164 = digits.length() >= 6 ? Phones.e164(query.trim(), null) : null;
        List<Hit> hits = new ArrayList<>();
        // legal forms ("有限公司", "GmbH") are not in name keys, so they are not searched for either
        List<String> orgWords = Arrays.stream(typed).filter(w -> !NameKeys.isLegalForm(w))
                .map(NameKeys::organization).filter(w -> !w.isEmpty()).toList();
        for (Organization o : organizations(q, orgWords.isEmpty() ? words : orgWords, digits, e164)) {
            hits.add(new Hit("organization", o.id, o.name, join(o.nameLatin, o.city, o.country)));
        }
        for (Person p : people(q, words, digits, e164)) {
            hits.add(new Hit("person", p.id, p.displayName(), join(p.jobTitle, p.email)));
        }
        return hits;
    }

    private List<Organization> organizations(String q, List<String> words, String digits, String e164) {
        Set<Long> exact = new LinkedHashSet<>(em().createQuery("select id from Organization where email = ?1"
                + " or domain = ?1 or creditCode = ?1", Long.class).setParameter(1, q).setMaxResults(CANDIDATES)
                .getResultList());
        exact.addAll(phoneMatches(SearchIndex.ORGANIZATION, digits));
        if (e164 != null) {
            exact.addAll(em().createQuery("select id from Organization where phoneE164 = ?1", Long.class)
                    .setParameter(1, e164).setMaxResults(CANDIDATES).getResultList());
        }
        Set<Long> named = nameMatches(SearchIndex.ORGANIZATION, words);
        if (exact.isEmpty() && named.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder("mergedInto is null and (id in ?1 or (id in ?2");
        List<Object> params = new ArrayList<>(List.of(orNone(exact), orNone(named)));
        appendAdjacency(where, params, words);
        where.append(")) order by name, id");
        return Organization.find(where.toString(), params.toArray()).page(0, LIMIT).list();
    }

    private List<Person> people(String q, List<String> words, String digits, String e164) {
        // the primary address and phone, and the further ones a person may have
        Set<Long> exact = new LinkedHashSet<>(em().createQuery("select id from Person where email = ?1", Long.class)
                .setParameter(1, q).setMaxResults(CANDIDATES).getResultList());
        exact.addAll(em().createQuery("select personId from PersonContact where kind = 'EMAIL' and value = ?1",
                Long.class).setParameter(1, q).setMaxResults(CANDIDATES).getResultList());
        exact.addAll(phoneMatches(SearchIndex.PERSON, digits));
        if (e164 != null) {
            exact.addAll(em().createQuery("select id from Person where phoneE164 = ?1", Long.class)
                    .setParameter(1, e164).setMaxResults(CANDIDATES).getResultList());
            exact.addAll(em().createQuery("select personId from PersonContact where e164 = ?1", Long.class)
                    .setParameter(1, e164).setMaxResults(CANDIDATES).getResultList());
        }
        Set<Long> named = nameMatches(SearchIndex.PERSON, words);
        if (exact.isEmpty() && named.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder("mergedInto is null and (id in ?1 or (id in ?2");
        List<Object> params = new ArrayList<>(List.of(orNone(exact), orNone(named)));
        appendAdjacency(where, params, words);
        where.append(")) order by familyName, givenName, id");
        return Person.find(where.toString(), params.toArray()).page(0, LIMIT).list();
    }

    /** Records whose phone starts or ends with these digits. */
    private Set<Long> phoneMatches(String type, String digits) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String pattern : SearchTerms.phonePatterns(digits)) {
            ids.addAll(termMatches(type, pattern));
        }
        return ids;
    }

    /**
     * Records that have, for every word, all of its terms. Each term is looked up once, stopping
     * after {@link #CANDIDATES} + 1 records, so a common one costs no more than a rare one; the
     * smallest set is then narrowed by the others: in memory when they are complete, else by
     * reading the terms of just its records.
     */
    private Set<Long> nameMatches(String type, List<String> words) {
        List<String> patterns = words.stream().flatMap(w -> SearchTerms.patterns(w).stream()).distinct().toList();
        if (patterns.isEmpty()) {
            return Set.of();
        }
        List<Map.Entry<String, Set<Long>>> sets = new ArrayList<>();
        for (String pattern : patterns) {
            Set<Long> ids = termMatches(type, pattern);
            if (ids.isEmpty()) {
                return Set.of();
            }
            sets.add(Map.entry(pattern, ids));
        }
        sets.sort(Comparator.comparingInt(e -> e.getValue().size()));
        if (sets.size() > 1 && sets.get(0).getValue().size() > CANDIDATES) {
            // every term is common, their meeting may not be ("esposito texti"): let the database find it
            return allCommon(type, sets.stream().map(Map.Entry::getKey)
                    .sorted(Comparator.comparingInt(String::length).reversed()).toList());
        }
        Set<Long> result = new HashSet<>(sets.get(0).getValue());
        for (Map.Entry<String, Set<Long>> other : sets.subList(1, sets.size())) {
            if (result.isEmpty()) {
                break;
            }
            if (other.getValue().size() <= CANDIDATES) {
                result.retainAll(other.getValue());
            } else {
                result = termMatchesAmong(type, other.getKey(), result);
            }
        }
        return result;
    }

    private Set<Long> termMatches(String type, String pattern) {
        return ids(em().createNativeQuery("SELECT party_id FROM search_term WHERE party_type = ?1 AND term LIKE ?2")
                .setParameter(1, type).setParameter(2, pattern).setMaxResults(CANDIDATES + 1));
    }

    /** Of these records, those with a term like the pattern, read record by record: the pattern is a common one. */
    private Set<Long> termMatchesAmong(String type, String pattern, Set<Long> among) {
        return ids(em().createNativeQuery("SELECT party_id FROM search_term FORCE INDEX (ix_search_term_party)"
                + " WHERE party_type = ?1 AND party_id IN (?3) AND term LIKE ?2")
                .setParameter(1, type).setParameter(2, pattern).setParameter(3, among));
    }

    /**
     * Records with all these common terms: the range of the first (the longest pattern, likely the
     * rarest) checked record by record against the others, stopping at {@link #CANDIDATES} + 1.
     */
    private Set<Long> allCommon(String type, List<String> patterns) {
        StringBuilder sql = new StringBuilder("SELECT t0.party_id FROM search_term t0 WHERE t0.party_type = ?1"
                + " AND t0.term LIKE ?2");
        for (int i = 1; i < patterns.size(); i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM search_term t FORCE INDEX (ix_search_term_party)"
                    + " WHERE t.party_type = ?1 AND t.party_id = t0.party_id AND t.term LIKE ?").append(i + 2).append(')');
        }
        var query = em().createNativeQuery(sql.toString()).setParameter(1, type).setMaxResults(CANDIDATES + 1);
        for (int i = 0; i < patterns.size(); i++) {
            query.setParameter(i + 2, patterns.get(i));
        }
        return ids(query);
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> ids(jakarta.persistence.Query query) {
        Set<Long> ids = new HashSet<>();
        for (Object id : (List<Object>) query.getResultList()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    /** Words whose terms may sit apart in a name must also appear as typed in the name key. */
    private static void appendAdjacency(StringBuilder where, List<Object> params, List<String> words) {
        for (String word : words) {
            if (SearchTerms.needsAdjacency(word)) {
                params.add("%" + SearchTerms.escape(word) + "%");
                where.append(" and nameKey like ?").append(params.size());
            }
        }
    }

    private static List<Long> orNone(Set<Long> ids) {
        return ids.isEmpty() ? List.of(-1L) : List.copyOf(ids);
    }

    private static EntityManager em() {
        return Organization.getEntityManager();
    }

    private static String join(String... parts) {
        return String.join(" · ", Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }
}
