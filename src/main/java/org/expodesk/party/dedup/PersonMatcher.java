package org.expodesk.party.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.party.NameKeys;
import org.expodesk.party.Organization;
import org.expodesk.party.Person;
import org.expodesk.party.PersonContact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the existing people a new one may be, and scores each (docs/dedup.md). Candidates come only
 * from blocks on strong keys: any e-mail address, any phone in E.164, the name key (also with the
 * names the other way round), and the people of the same organization.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PersonMatcher {

    private static final int BLOCK_LIMIT = 200;
    static final double NAME_WEIGHT = 0.75;
    /** A like name with the same phone is the same person from here on. */
    static final double PHONE_NAME = 0.85;

    @Inject
    DedupConfig config;

    public enum Verdict { SURE, LIKELY, NEW }

    public record Match(Person person, double score, List<String> reasons, Verdict verdict) {
    }

    /** For a person already stored (or an unsaved one): compared with its own e-mails and phones. */
    public List<Match> matches(Person incoming) {
        return matches(incoming, emails(incoming), phones(incoming));
    }

    /**
     * The best matches, best first; empty when nothing comes close. {@code emails}: every address of
     * the incoming person, lower case; {@code phones}: every phone in E.164.
     */
    public List<Match> matches(Person incoming, Collection<String> emails, Collection<String> phones) {
        return matches(incoming, emails, phones, null);
    }

    /**
     * The same, reading the blocks from {@code blocks} where it holds them (one query per kind of
     * key for a whole import chunk) and from the database for any key it does not hold.
     */
    public List<Match> matches(Person incoming, Collection<String> emails, Collection<String> phones, Blocks blocks) {
        if (erased(incoming)) {
            return List.of();
        }
        Set<String> e = emailKeys(emails);
        Set<String> ph = phoneKeys(phones);
        Blocks b = blocks != null ? blocks : new Blocks();
        Map<Long, Person> candidates = new LinkedHashMap<>();
        if (!e.isEmpty()) {
            List<String> missing = b.fetchEmails(e);
            if (!missing.isEmpty()) {
                block(candidates, "email in ?1", missing);
                block(candidates, "id in (select c.personId from PersonContact c where c.kind = 'EMAIL' and c.value in ?1)",
                        missing);
            }
            b.collect(candidates, b.byEmail, e);
        }
        if (!ph.isEmpty()) {
            List<String> missing = b.fetchPhones(ph);
            if (!missing.isEmpty()) {
                block(candidates, "phoneE164 in ?1", missing);
                block(candidates, "id in (select c.personId from PersonContact c where c.kind = 'PHONE' and c.e164 in ?1)",
                        missing);
            }
            b.collect(candidates, b.byPhone, ph);
        }
        List<String> keys = keys(incoming);
        if (!keys.isEmpty()) {
            List<String> missing = b.fetchNames(keys);
            if (!missing.isEmpty()) {
                block(candidates, "nameKey in ?1", missing);
            }
            b.collect(candidates, b.byName, keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList());
        }
        if (incoming.organizationId != null) {
            if (b.organizations.contains(incoming.organizationId)) {
                b.collect(candidates, b.byOrganization, List.of(incoming.organizationId));
            } else {
                block(candidates, "organizationId = ?1", incoming.organizationId);
            }
        }
        candidates.remove(incoming.id);
        // the candidates' further contacts and companies in one query each, not one per candidate
        Map<Long, List<PersonContact>> contacts = b.contactsOf(candidates.keySet());
        b.loadOrganizations(candidates.values());
        List<Match> matches = new ArrayList<>();
        for (Person existing : candidates.values()) {
            if (erased(existing)) {
                continue;
            }
            List<PersonContact> own = contacts.getOrDefault(existing.id, List.of());
            Match m = score(incoming, e, ph, existing, emails(existing, own), phones(existing, own));
            if (m.verdict() != Verdict.NEW) {
                matches.add(m);
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed());
        return matches;
    }

    private static Set<String> emailKeys(Collection<String> emails) {
        Set<String> e = new LinkedHashSet<>();
        emails.stream().filter(x -> x != null && !x.isBlank()).forEach(x -> e.add(x.trim().toLowerCase(Locale.ROOT)));
        return e;
    }

    private static Set<String> phoneKeys(Collection<String> phones) {
        Set<String> ph = new LinkedHashSet<>();
        phones.stream().filter(x -> x != null && !x.isBlank()).forEach(ph::add);
        return ph;
    }

    /**
     * The blocks of many incoming people read ahead, one query per kind of key, and the candidates'
     * contacts and companies once read: for one transaction (an import chunk), whose later rows must
     * also find the people its earlier rows created or changed ({@link #add}). A key it was not
     * asked for ahead is read from the database when a match needs it.
     */
    public static final class Blocks {

        private final Map<String, Map<Long, Person>> byEmail = new HashMap<>();
        private final Map<String, Map<Long, Person>> byPhone = new HashMap<>();
        private final Map<String, Map<Long, Person>> byName = new HashMap<>();
        private final Map<Long, Map<Long, Person>> byOrganization = new HashMap<>();
        private final Set<String> emails = new HashSet<>();
        private final Set<String> phones = new HashSet<>();
        private final Set<String> names = new HashSet<>();
        private final Set<Long> organizations = new HashSet<>();
        private final Map<Long, List<PersonContact>> contacts = new HashMap<>();
        private final Set<Long> companiesRead = new HashSet<>();
        private boolean ahead;

        /**
         * Reads ahead the blocks of these incoming people: every e-mail (lower case), phone (E.164),
         * name key (both orders) and organization among them.
         */
        public void readAhead(Collection<String> emails, Collection<String> phones, Collection<Person> people,
                              Collection<Long> organizations) {
            ahead = true;
            List<String> names = new ArrayList<>();
            for (Person p : people) {
                names.addAll(keys(p));
            }
            fetchEmails(emailKeys(emails));
            fetchPhones(phoneKeys(phones));
            fetchNames(names);
            List<Long> orgs = organizations.stream().filter(id -> id != null && !this.organizations.contains(id))
                    .distinct().toList();
            if (!orgs.isEmpty()) {
                this.organizations.addAll(orgs);
                for (Person p : Person.<Person>list("organizationId in ?1 and mergedInto is null", orgs)) {
                    put(byOrganization, p.organizationId, p);
                }
            }
        }

        /** A person this transaction created or gave more e-mails or phones, found by them from now on. */
        public void add(Person p, Collection<String> emails, Collection<String> phones) {
            if (p.mergedInto != null) {
                return;
            }
            for (String e : emailKeys(emails)) {
                put(byEmail, e, p);
            }
            for (String ph : phoneKeys(phones)) {
                put(byPhone, ph, p);
            }
            for (String k : keys(p)) {
                put(byName, k.toLowerCase(Locale.ROOT), p);
            }
            if (p.organizationId != null) {
                put(byOrganization, p.organizationId, p);
            }
            contacts.remove(p.id);
        }

        /** Reads the e-mail blocks not read yet, when reading ahead; returns those the caller must read itself. */
        private List<String> fetchEmails(Set<String> keys) {
            List<String> missing = keys.stream().filter(k -> !emails.contains(k)).toList();
            if (!ahead || missing.isEmpty()) {
                return missing;
            }
            emails.addAll(missing);
            for (Person p : Person.<Person>list("email in ?1 and mergedInto is null", missing)) {
                if (p.email != null) {
                    put(byEmail, p.email.toLowerCase(Locale.ROOT), p);
                }
            }
            readByContact(PersonContact.EMAIL, missing, byEmail);
            return List.of();
        }

        private List<String> fetchPhones(Set<String> keys) {
            List<String> missing = keys.stream().filter(k -> !phones.contains(k)).toList();
            if (!ahead || missing.isEmpty()) {
                return missing;
            }
            phones.addAll(missing);
            for (Person p : Person.<Person>list("phoneE164 in ?1 and mergedInto is null", missing)) {
                put(byPhone, p.phoneE164, p);
            }
            readByContact(PersonContact.PHONE, missing, byPhone);
            return List.of();
        }

        private List<String> fetchNames(Collection<String> keys) {
            List<String> missing = keys.stream().filter(k -> !names.contains(k)).distinct().toList();
            if (!ahead || missing.isEmpty()) {
                return missing;
            }
            names.addAll(missing);
            for (Person p : Person.<Person>list("nameKey in ?1 and mergedInto is null", missing)) {
                if (p.nameKey != null) {
                    put(byName, p.nameKey.toLowerCase(Locale.ROOT), p);
                }
            }
            return List.of();
        }

        private static void readByContact(String kind, List<String> keys, Map<String, Map<Long, Person>> into) {
            List<PersonContact> found = PersonContact.list("kind = ?1 and " + (PersonContact.EMAIL.equals(kind)
                    ? "value" : "e164") + " in ?2", kind, keys);
            if (found.isEmpty()) {
                return;
            }
            Map<Long, Person> people = new HashMap<>();
            for (Person p : Person.<Person>list("id in ?1 and mergedInto is null",
                    found.stream().map(c -> c.personId).distinct().toList())) {
                people.put(p.id, p);
            }
            for (PersonContact c : found) {
                Person p = people.get(c.personId);
                if (p != null) {
                    String key = PersonContact.EMAIL.equals(kind) ? c.value.toLowerCase(Locale.ROOT) : c.e164;
                    put(into, key, p);
                }
            }
        }

        private static <K> void put(Map<K, Map<Long, Person>> index, K key, Person p) {
            index.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(p.id, p);
        }

        /** At most {@link #BLOCK_LIMIT} people per kind of key, as a query of the block reads. */
        private <K> void collect(Map<Long, Person> into, Map<K, Map<Long, Person>> index, Collection<K> keys) {
            int taken = 0;
            for (K key : keys) {
                Map<Long, Person> block = index.get(key);
                if (block == null) {
                    continue;
                }
                for (Person p : block.values()) {
                    if (taken >= BLOCK_LIMIT) {
                        return;
                    }
                    if (p.mergedInto == null && into.putIfAbsent(p.id, p) == null) {
                        taken++;
                    }
                }
            }
        }

        private Map<Long, List<PersonContact>> contactsOf(Collection<Long> ids) {
            List<Long> unread = ids.stream().filter(id -> !contacts.containsKey(id)).toList();
            if (!unread.isEmpty()) {
                unread.forEach(id -> contacts.put(id, new ArrayList<>()));
                for (PersonContact c : PersonContact.<PersonContact>list("personId in ?1 order by id", unread)) {
                    contacts.get(c.personId).add(c);
                }
            }
            return contacts;
        }

        /** The candidates' companies into the persistence context in one query, for their domains. */
        private void loadOrganizations(Collection<Person> people) {
            List<Long> ids = people.stream().map(p -> p.organizationId)
                    .filter(id -> id != null && companiesRead.add(id)).distinct().toList();
            if (!ids.isEmpty()) {
                Organization.list("id in ?1", ids);
            }
        }
    }

    Match score(Person a, Set<String> emailsA, Set<String> phonesA, Person b, Set<String> emailsB, Set<String> phonesB) {
        List<String> reasons = new ArrayList<>();
        double score;
        if (intersects(emailsA, emailsB)) {
            reasons.add("same e-mail");
            score = 1.0;
        } else {
            double name = 0;
            for (String x : keys(a)) {
                for (String y : keys(b)) {
                    name = Math.max(name, Similarity.of(x, y));
                }
            }
            reasons.add(String.format(Locale.ROOT, "name %.2f", name));
            boolean samePhone = intersects(phonesA, phonesB);
            if (samePhone && name >= PHONE_NAME) {
                reasons.add("same phone");
                score = 0.97;
            } else {
                score = name * NAME_WEIGHT;
                if (samePhone) {
                    // a shared switchboard or a desk phone passed on: worth a look, not a verdict
                    score += 0.05;
                    reasons.add("same phone");
                }
                Set<String> domainsA = companyDomains(a, emailsA);
                Set<String> domainsB = companyDomains(b, emailsB);
                boolean sameOrganization = a.organizationId != null && a.organizationId.equals(b.organizationId);
                if (sameOrganization || intersects(domainsA, domainsB)) {
                    score += 0.15;
                    reasons.add(sameOrganization ? "same organization" : "same e-mail domain");
                }
                // two different addresses at one company are more often two colleagues than one person
                if (intersects(mailDomains(emailsA), mailDomains(emailsB))) {
                    score -= 0.08;
                    reasons.add("different e-mails at one domain");
                }
                score = Math.max(0, Math.min(config.sure() - 0.0001, score));
            }
        }
        Verdict verdict = score >= config.sure() ? Verdict.SURE : score >= config.likely() ? Verdict.LIKELY : Verdict.NEW;
        return new Match(b, score, reasons, verdict);
    }

    /** The name key, and for a two-part name the key the other way round (王小明 / 小明王, Smith Mary / Mary Smith). */
    static List<String> keys(Person p) {
        List<String> keys = new ArrayList<>();
        String key = NameKeys.person(p.familyName, p.givenName);
        if (!key.isEmpty()) {
            keys.add(key);
        }
        if (p.givenName != null && !p.givenName.isBlank()) {
            String reversed = NameKeys.person(p.givenName, p.familyName);
            if (!reversed.isEmpty() && !keys.contains(reversed)) {
                keys.add(reversed);
            }
        }
        return keys;
    }

    /** Erased people (party.Privacy) all have the same name and nothing else: they are nobody's duplicates. */
    private static boolean erased(Person p) {
        return p.id != null && ("erased" + p.id).equals(p.nameKey);
    }

    private static Set<String> emails(Person p) {
        Set<String> all = new LinkedHashSet<>();
        if (p.email != null) {
            all.add(p.email);
        }
        if (p.id != null) {
            PersonContact.<PersonContact>list("personId = ?1 and kind = 'EMAIL'", p.id).forEach(c -> all.add(c.value));
        }
        return all;
    }

    private static Set<String> phones(Person p) {
        Set<String> all = new LinkedHashSet<>();
        if (p.phoneE164 != null) {
            all.add(p.phoneE164);
        }
        if (p.id != null) {
            PersonContact.<PersonContact>list("personId = ?1 and kind = 'PHONE' and e164 is not null", p.id)
                    .forEach(c -> all.add(c.e164));
        }
        return all;
    }

    /** The domains of the person's own mail addresses that are not a mail provider's. */
    private static Set<String> emails(Person p, List<PersonContact> contacts) {
        Set<String> all = new LinkedHashSet<>();
        if (p.email != null) {
            all.add(p.email);
        }
        contacts.stream().filter(c -> PersonContact.EMAIL.equals(c.kind)).forEach(c -> all.add(c.value));
        return all;
    }

    private static Set<String> phones(Person p, List<PersonContact> contacts) {
        Set<String> all = new LinkedHashSet<>();
        if (p.phoneE164 != null) {
            all.add(p.phoneE164);
        }
        contacts.stream().filter(c -> PersonContact.PHONE.equals(c.kind) && c.e164 != null).forEach(c -> all.add(c.e164));
        return all;
    }

    private static Set<String> mailDomains(Set<String> emails) {
        Set<String> domains = new HashSet<>();
        for (String email : emails) {
            String domain = email.substring(email.indexOf('@') + 1);
            if (!OrganizationMatcher.isFreeMail(domain)) {
                domains.add(domain);
            }
        }
        return domains;
    }

    /** The company domains of a person: of their own addresses, and of their organization. */
    private static Set<String> companyDomains(Person p, Set<String> emails) {
        Set<String> domains = mailDomains(emails);
        if (p.organizationId != null) {
            Organization o = Organization.findById(p.organizationId);
            if (o != null && o.domain != null && !OrganizationMatcher.isFreeMail(o.domain)) {
                domains.add(o.domain);
            }
        }
        return domains;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private static void block(Map<Long, Person> into, String where, Object value) {
        for (Person p : Person.<Person>find(where + " and mergedInto is null", value).page(0, BLOCK_LIMIT).list()) {
            into.putIfAbsent(p.id, p);
        }
    }
}
