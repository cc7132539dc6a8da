package org.expodesk.party;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finding people and organizations by any part of a name (Latin or Chinese), an e-mail address,
 * a phone number, a web domain or a credit code. Every word typed must match.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PartySearch {

    static final int LIMIT = 20;

    public record Hit(String type, long id, String name, String detail) {
    }

    public List<Hit> search(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(q.split("\\s+")).map(NameKeys::fold).filter(w -> !w.isEmpty()).toList();
        String digits = q.replaceAll("[^0-9]", "");
        // "+86 138 0013 8000" and "13800138000" are the same number: both are looked up in E.164
        String e164 = digits.length() >= 6 ? Phones.e164(query.trim(), null) : null;
        List<Hit> hits = new ArrayList<>();
        // legal forms ("有限公司", "GmbH") are not in name keys, so they are not searched for either
        List<String> orgWords = Arrays.stream(q.split("\\s+")).filter(w -> !NameKeys.isLegalForm(w))
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
        StringBuilder where = new StringBuilder("(email = ?1 or domain = ?1 or upper(creditCode) = upper(?1)");
        List<Object> params = new ArrayList<>(List.of(q));
        if (e164 != null) {
            params.add(e164);
            where.append(" or phoneE164 = ?").append(params.size());
        }
        if (digits.length() >= 6) {
            params.add("%" + digits + "%");
            where.append(" or replace(replace(replace(phone, ' ', ''), '-', ''), '+', '') like ?").append(params.size());
        }
        appendNameWords(where, params, words, "nameKey", "lower(nameLatin)");
        where.append(") and mergedInto is null order by name");
        return Organization.find(where.toString(), params.toArray()).page(0, LIMIT).list();
    }

    private List<Person> people(String q, List<String> words, String digits, String e164) {
        StringBuilder where = new StringBuilder("(email = ?1 or id in (select c.personId from PersonContact c"
                + " where c.kind = 'EMAIL' and c.value = ?1)");
        List<Object> params = new ArrayList<>(List.of(q));
        if (e164 != null) {
            params.add(e164);
            where.append(" or phoneE164 = ?").append(params.size()).append(" or id in (select c.personId from PersonContact c")
                    .append(" where c.e164 = ?").append(params.size()).append(")");
        }
        if (digits.length() >= 6) {
            params.add("%" + digits + "%");
            where.append(" or replace(replace(replace(phone, ' ', ''), '-', ''), '+', '') like ?").append(params.size());
        }
        appendNameWords(where, params, words, "nameKey", null);
        where.append(") and mergedInto is null order by familyName, givenName");
        return Person.find(where.toString(), params.toArray()).page(0, LIMIT).list();
    }

    /** "or (every word in the name key [or every word in the second field])". */
    private static void appendNameWords(StringBuilder where, List<Object> params, List<String> words, String field,
                                        String alternative) {
        if (words.isEmpty()) {
            return;
        }
        for (String column : alternative == null ? List.of(field) : List.of(field, alternative)) {
            where.append(" or (");
            for (int i = 0; i < words.size(); i++) {
                params.add("%" + words.get(i) + "%");
                where.append(i == 0 ? "" : " and ").append(column).append(" like ?").append(params.size());
            }
            where.append(")");
        }
    }

    private static String join(String... parts) {
        return String.join(" · ", Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }
}
