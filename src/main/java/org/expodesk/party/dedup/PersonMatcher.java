package org.expodesk.party.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.party.NameKeys;
import org.expodesk.party.Organization;
import org.expodesk.party.Person;
import org.expodesk.party.PersonContact;
import org.expodesk.platform.db.QueuedInserts;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    /** How many people of a name an import chunk reads ahead: a row rarely skips more than a few already found. */
    private static final int NAME_READ = BLOCK_LIMIT + 10;
    /** Up to this many name keys, linked namesakes are read through the names (a single record's check). */
    private static final int FEW_NAMES = 4;
    static final double NAME_WEIGHT = 0.75;
    /** A like name with the same phone is the same person from here on. */
    static final double PHONE_NAME = 0.85;
    /** What a shared phone adds to unlike names. */
    static final double PHONE_ALONE = 0.05;
    /** What the same organization or a shared company domain adds. */
    static final double SAME_COMPANY = 0.15;

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
        return matches(incoming, emails, phones, blocks, Integer.MAX_VALUE);
    }

    /**
     * The best {@code limit} of those matches, the same as the first {@code limit} of all of them: only
     * these are read as records (a common name has many likely namesakes at one company).
     */
    public List<Match> matches(Person incoming, Collection<String> emails, Collection<String> phones, Blocks blocks,
                               int limit) {
        if (erased(incoming)) {
            return List.of();
        }
        Set<String> e = emailKeys(emails);
        Set<String> ph = phoneKeys(phones);
        Blocks b = blocks != null ? blocks : blocks();
        if (blocks == null) {
            // the blocks below are read as plain rows, which Hibernate does not flush for as it does for a query
            flushPending();
        }
        Map<Long, Candidate> candidates = new LinkedHashMap<>();
        if (!e.isEmpty()) {
            List<String> missing = b.fetchEmails(e);
            if (!missing.isEmpty()) {
                b.block(candidates, "p.email IN (%s)", missing);
                b.block(candidates, "p.id IN (SELECT c.person_id FROM person_contact c WHERE c.kind = 'EMAIL'"
                        + " AND c.value IN (%s))", missing);
            }
            b.collect(candidates, b.byEmail, e);
        }
        if (!ph.isEmpty()) {
            List<String> missing = b.fetchPhones(ph);
            if (!missing.isEmpty()) {
                b.block(candidates, "p.phone_e164 IN (%s)", missing);
                b.block(candidates, "p.id IN (SELECT c.person_id FROM person_contact c WHERE c.kind = 'PHONE'"
                        + " AND c.e164 IN (%s))", missing);
            }
            b.collect(candidates, b.byPhone, ph);
        }
        List<String> keys = keys(incoming);
        if (!keys.isEmpty()) {
            List<String> missing = b.fetchNames(keys);
            if (!missing.isEmpty() && b.linkedNamesakesOnly) {
                Set<String> domains = new Incoming(incoming, e, ph).companyDomains(b);
                for (Candidate c : b.readLinked(missing, incoming.organizationId == null ? List.of()
                        : List.of(incoming.organizationId), domains, BLOCK_LIMIT)) {
                    candidates.putIfAbsent(c.id(), c);
                }
            } else if (!missing.isEmpty()) {
                b.block(candidates, "p.name_key IN (%s)", missing);
            }
            b.collect(candidates, b.byName, keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList());
        }
        if (incoming.organizationId != null) {
            if (b.organizations.contains(incoming.organizationId)) {
                b.collect(candidates, b.byOrganization, List.of(incoming.organizationId));
            } else {
                b.block(candidates, "p.organization_id IN (%s)", List.of(incoming.organizationId));
            }
        }
        candidates.remove(incoming.id);
        // the candidates' further contacts in one query, not one per candidate
        Map<Long, List<PersonContact>> contacts = b.contactsOf(candidates.keySet());
        Incoming a = new Incoming(incoming, e, ph);
        if (!a.companyDomains(b).isEmpty()) {
            // the candidates' companies' domains in one query, not one per candidate
            b.readDomains(candidates.values());
        }
        List<Scored> scored = new ArrayList<>();
        for (Candidate existing : candidates.values()) {
            if (erased(existing.id(), existing.nameKey())) {
                continue;
            }
            List<PersonContact> own = contacts.getOrDefault(existing.id(), List.of());
            Scored m = score(a, existing, emails(existing, own), phones(existing, own), b);
            if (m != null) {
                scored.add(m);
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Match> matches = new ArrayList<>();
        for (Scored m : scored.subList(0, Math.min(limit, scored.size()))) {
            Person held = HeldRecords.find(Person.class, m.id());
            matches.add(new Match(held != null ? held : Person.findById(m.id()), m.score(), m.reasons(), m.verdict()));
        }
        return matches;
    }

    /** A match before its record is read. */
    private record Scored(long id, double score, List<String> reasons, Verdict verdict) {
    }

    /**
     * Blocks for one transaction. A namesake who shares no organization, company domain, e-mail or
     * phone scores at most {@code NAME_WEIGHT + PHONE_ALONE} (0.80), under the likely threshold (0.82
     * unless configured lower): such namesakes are never reported, so the name block then holds only
     * the namesakes at the same organization or with a company domain in common (who also share a
     * phone or an e-mail are in those blocks). A common Chinese name has hundreds of namesakes, of
     * whom that leaves a few.
     */
    public Blocks blocks() {
        return new Blocks(config.likely() > NAME_WEIGHT + PHONE_ALONE);
    }

    /**
     * What scoring reads of an existing person: a row of a block, or the current values of the record
     * when this transaction holds it (it may have changed it since the block was read).
     */
    static final class Candidate {
        private final long id;
        private final String familyName;
        private final String givenName;
        private final String nameKey;
        private final String email;
        private final String phoneE164;
        private final Long organizationId;
        /** Worked out once per row read, which a chunk's rows share. */
        private List<String> keys;

        private Candidate(long id, String familyName, String givenName, String nameKey, String email, String phoneE164,
                          Long organizationId) {
            this.id = id;
            this.familyName = familyName;
            this.givenName = givenName;
            this.nameKey = nameKey;
            this.email = email;
            this.phoneE164 = phoneE164;
            this.organizationId = organizationId;
        }

        static Candidate of(Person p) {
            return new Candidate(p.id, p.familyName, p.givenName, p.nameKey, p.email, p.phoneE164, p.organizationId);
        }

        long id() {
            return id;
        }

        String nameKey() {
            return nameKey;
        }

        String email() {
            return email;
        }

        String phoneE164() {
            return phoneE164;
        }

        Long organizationId() {
            return organizationId;
        }

        List<String> nameKeys() {
            if (keys == null) {
                keys = PersonMatcher.keys(familyName, givenName);
            }
            return keys;
        }
    }

    /** The incoming person with what every comparison needs of it, worked out once. */
    private static final class Incoming {
        final Person person;
        final Set<String> emails;
        final Set<String> phones;
        final List<String> keys;
        final Set<String> mailDomains;
        private Set<String> companyDomains;

        Incoming(Person person, Set<String> emails, Set<String> phones) {
            this.person = person;
            this.emails = emails;
            this.phones = phones;
            this.keys = keys(person);
            this.mailDomains = mailDomains(emails);
        }

        Set<String> companyDomains(Blocks b) {
            if (companyDomains == null) {
                companyDomains = new HashSet<>(mailDomains);
                String domain = b.domainOf(person.organizationId);
                if (domain != null && !OrganizationMatcher.isFreeMail(domain)) {
                    companyDomains.add(domain);
                }
            }
            return companyDomains;
        }
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

        private final Map<String, Map<Long, Candidate>> byEmail = new HashMap<>();
        private final Map<String, Map<Long, Candidate>> byPhone = new HashMap<>();
        private final Map<String, Map<Long, Candidate>> byName = new HashMap<>();
        private final Map<Long, Map<Long, Candidate>> byOrganization = new HashMap<>();
        private final Set<String> emails = new HashSet<>();
        private final Set<String> phones = new HashSet<>();
        private final Set<String> names = new HashSet<>();
        /** Name blocks read only in part, with how many of their people were read. */
        private final Map<String, Integer> partial = new HashMap<>();
        private final Set<Long> organizations = new HashSet<>();
        private final Map<Long, List<PersonContact>> contacts = new HashMap<>();
        private final Map<Long, String> domains = new HashMap<>();
        private boolean ahead;
        /** See {@link PersonMatcher#blocks()}. */
        private final boolean linkedNamesakesOnly;
        /** The organizations and company domains of the people read ahead, which a namesake must share one of. */
        private final Set<Long> linkOrganizations = new HashSet<>();
        private final Set<String> linkDomains = new HashSet<>();

        private Blocks(boolean linkedNamesakesOnly) {
            this.linkedNamesakesOnly = linkedNamesakesOnly;
        }

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
            if (linkedNamesakesOnly) {
                organizations.stream().filter(java.util.Objects::nonNull).forEach(linkOrganizations::add);
                linkDomains.addAll(mailDomains(emailKeys(emails)));
                for (Long id : linkOrganizations) {
                    String domain = domainOf(id);
                    if (domain != null && !OrganizationMatcher.isFreeMail(domain)) {
                        linkDomains.add(domain);
                    }
                }
            }
            fetchEmails(emailKeys(emails));
            fetchPhones(phoneKeys(phones));
            fetchNames(names);
            List<Long> orgs = organizations.stream().filter(id -> id != null && !this.organizations.contains(id))
                    .distinct().toList();
            if (!orgs.isEmpty()) {
                this.organizations.addAll(orgs);
                for (Candidate c : read("organization_id", orgs)) {
                    put(byOrganization, c.organizationId(), c);
                }
            }
        }

        /** A person this transaction created or gave more e-mails or phones, found by them from now on. */
        public void add(Person p, Collection<String> emails, Collection<String> phones) {
            if (p.mergedInto != null) {
                return;
            }
            Candidate c = Candidate.of(p);
            for (String e : emailKeys(emails)) {
                put(byEmail, e, c);
            }
            for (String ph : phoneKeys(phones)) {
                put(byPhone, ph, c);
            }
            for (String k : c.nameKeys()) {
                put(byName, k.toLowerCase(Locale.ROOT), c);
            }
            if (p.organizationId != null) {
                put(byOrganization, p.organizationId, c);
            }
            contacts.remove(p.id);
        }

        /** A person this transaction has just created, with all their further contacts: nothing to read back. */
        public void addNew(Person p, Collection<String> emails, Collection<String> phones, List<PersonContact> further) {
            add(p, emails, phones);
            if (p.mergedInto == null) {
                contacts.put(p.id, new ArrayList<>(further));
            }
        }

        /** Reads the e-mail blocks not read yet, when reading ahead; returns those the caller must read itself. */
        private List<String> fetchEmails(Set<String> keys) {
            List<String> missing = keys.stream().filter(k -> !emails.contains(k)).toList();
            if (!ahead || missing.isEmpty()) {
                return missing;
            }
            emails.addAll(missing);
            for (Candidate c : read("email", missing)) {
                if (c.email() != null) {
                    put(byEmail, c.email().toLowerCase(Locale.ROOT), c);
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
            for (Candidate c : read("phone_e164", missing)) {
                put(byPhone, c.phoneE164(), c);
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
            if (linkedNamesakesOnly) {
                for (Candidate c : readLinked(missing, linkOrganizations, linkDomains, Integer.MAX_VALUE)) {
                    if (c.nameKey() != null) {
                        put(byName, c.nameKey().toLowerCase(Locale.ROOT), c);
                    }
                }
                return List.of();
            }
            // the first people of each name only: scoring takes at most BLOCK_LIMIT of a block, and a
            // common name has hundreds; a block a row needs more of is read whole then (complete)
            Set<String> complete = new HashSet<>();
            Set<String> seen = new HashSet<>();
            Map<String, Integer> counted = new HashMap<>();
            List<List<Candidate>> parts = readFirst(missing, NAME_READ);
            for (List<Candidate> part : parts) {
                for (Candidate c : part) {
                    if (c.nameKey() != null) {
                        String key = c.nameKey().toLowerCase(Locale.ROOT);
                        seen.add(key);
                        if (part.size() < NAME_READ) {
                            complete.add(key);
                        }
                        Map<Long, Candidate> block = byName.computeIfAbsent(key, k -> new LinkedHashMap<>());
                        if (block.putIfAbsent(c.id(), c) == null) {
                            counted.merge(key, 1, Integer::sum);
                        }
                    }
                }
            }
            seen.removeAll(complete);
            seen.forEach(key -> partial.put(key, counted.get(key)));
            return List.of();
        }

        /** Reads a name block whole, as reading all names ahead would have: its rows in order, then those added since. */
        private void complete(String key) {
            partial.remove(key);
            Map<Long, Candidate> before = byName.getOrDefault(key, Map.of());
            Map<Long, Candidate> block = new LinkedHashMap<>();
            for (Candidate c : read("name_key", List.of(key))) {
                if (c.nameKey() != null && c.nameKey().toLowerCase(Locale.ROOT).equals(key)) {
                    block.put(c.id(), before.getOrDefault(c.id(), c));
                }
            }
            before.forEach(block::putIfAbsent);
            byName.put(key, block);
        }

        private void readByContact(String kind, List<String> keys, Map<String, Map<Long, Candidate>> into) {
            List<PersonContact> found = PersonContact.list("kind = ?1 and " + (PersonContact.EMAIL.equals(kind)
                    ? "value" : "e164") + " in ?2", kind, keys);
            if (found.isEmpty()) {
                return;
            }
            Map<Long, Candidate> people = new HashMap<>();
            for (Candidate c : read("id", found.stream().map(x -> x.personId).distinct().toList())) {
                people.put(c.id(), c);
            }
            for (PersonContact c : found) {
                Candidate p = people.get(c.personId);
                if (p != null) {
                    String key = PersonContact.EMAIL.equals(kind) ? c.value.toLowerCase(Locale.ROOT) : c.e164;
                    put(into, key, p);
                }
            }
        }

        /**
         * The live people whose {@code column} holds one of {@code values}, as rows, not records: a block
         * of a common name holds hundreds of people, of whom scoring needs a few fields. Their companies'
         * domains and their further contacts come along, so that scoring them reads nothing more.
         */
        private List<Candidate> read(String column, List<?> values) {
            return query(SELECT + " WHERE p." + column + " IN (" + marks(values.size()) + ") AND p.merged_into IS NULL"
                    + " ORDER BY " + (column.equals("id") ? "p.id" : "p." + column + ", p.id"), values);
        }

        /**
         * The live people of these name keys who work at one of {@code organizations} or have one of
         * {@code domains} as a company domain (of their organization, or of an e-mail address of theirs),
         * in name key and id order, at most {@code limit}. A chunk's hundreds of name keys are asked from
         * the linked side ({@link #readLinkedFromLinks}); a single record's few from the names' side
         * ({@link #readLinkedByName}): one big company's organization or domain has thousands of people,
         * a name at most hundreds.
         */
        List<Candidate> readLinked(Collection<String> keys, Collection<Long> organizations,
                                   Collection<String> domains, int limit) {
            return keys.size() <= FEW_NAMES ? readLinkedByName(keys, organizations, domains, limit)
                    : readLinkedFromLinks(keys, organizations, domains, limit);
        }

        /** {@link #readLinked} read through the name keys' people, each filtered by its links. */
        List<Candidate> readLinkedByName(Collection<String> keys, Collection<Long> organizations,
                                         Collection<String> domains, int limit) {
            if (keys.isEmpty() || organizations.isEmpty() && domains.isEmpty()) {
                return new ArrayList<>();
            }
            List<Object> values = new ArrayList<>(keys);
            List<String> links = new ArrayList<>();
            if (!organizations.isEmpty()) {
                links.add("p.organization_id IN (" + marks(organizations.size()) + ")");
                values.addAll(organizations);
            }
            if (!domains.isEmpty()) {
                String in = marks(domains.size());
                links.add("o.domain IN (" + in + ")");
                links.add("p.email_domain IN (" + in + ")");
                links.add("EXISTS (SELECT 1 FROM person_contact c WHERE c.person_id = p.id AND c.email_domain IN ("
                        + in + "))");
                for (int i = 0; i < 3; i++) {
                    values.addAll(domains);
                }
            }
            return query(SELECT + " WHERE p.name_key IN (" + marks(keys.size()) + ") AND p.merged_into IS NULL AND ("
                    + String.join(" OR ", links) + ") ORDER BY p.name_key, p.id" + limited(limit), values);
        }

        /**
         * {@link #readLinked} asked from the selective side for a chunk, a union of indexed lookups each
         * filtered by name key (V42): a common name has hundreds of people, of whom a few share an
         * organization or a domain.
         */
        List<Candidate> readLinkedFromLinks(Collection<String> keys, Collection<Long> organizations,
                                            Collection<String> domains, int limit) {
            if (keys.isEmpty() || organizations.isEmpty() && domains.isEmpty()) {
                return new ArrayList<>();
            }
            // each lookup starts from its organizations or domains by their index, whatever the optimizer
            // guesses of a long list of name keys (it takes a common name for a rare one)
            String names = "name_key IN (" + marks(keys.size()) + ")";
            List<Object> values = new ArrayList<>();
            List<String> links = new ArrayList<>();
            if (!organizations.isEmpty()) {
                links.add("SELECT id FROM person FORCE INDEX (ix_person_organization) WHERE organization_id IN ("
                        + marks(organizations.size()) + ") AND " + names);
                values.addAll(organizations);
                values.addAll(keys);
            }
            if (!domains.isEmpty()) {
                String in = marks(domains.size());
                links.add("SELECT l.id FROM organization lo FORCE INDEX (ix_organization_domain)"
                        + " STRAIGHT_JOIN person l FORCE INDEX (ix_person_organization) ON l.organization_id = lo.id"
                        + " WHERE lo.domain IN (" + in + ") AND l." + names);
                links.add("SELECT id FROM person FORCE INDEX (ix_person_email_domain) WHERE email_domain IN (" + in
                        + ") AND " + names);
                links.add("SELECT l.id FROM person_contact lc FORCE INDEX (ix_person_contact_email_domain)"
                        + " STRAIGHT_JOIN person l ON l.id = lc.person_id WHERE lc.email_domain IN (" + in + ") AND l." + names);
                for (int i = 0; i < 3; i++) {
                    values.addAll(domains);
                    values.addAll(keys);
                }
            }
            return query(SELECT.replace(" FROM person p ", " FROM (" + String.join(" UNION ", links)
                    + ") linked STRAIGHT_JOIN person p ON p.id = linked.id ")
                    + " WHERE p.merged_into IS NULL ORDER BY p.name_key, p.id" + limited(limit), values);
        }

        /** The people one query finds, as rows with their contacts and companies' domains. */
        private List<Candidate> query(String sql, List<?> values) {
            List<Candidate> found = new ArrayList<>();
            // the people this transaction created and holds back (an import chunk) are read as they would be
            QueuedInserts.write(Person.getEntityManager());
            Person.getEntityManager().unwrap(Session.class).doWork(c -> {
                try (PreparedStatement q = c.prepareStatement(sql)) {
                    for (int i = 0; i < values.size(); i++) {
                        q.setObject(i + 1, values.get(i));
                    }
                    found.addAll(rows(q).get(0));
                }
                readContacts(c, found);
            });
            return found;
        }

        private static String limited(int limit) {
            return limit == Integer.MAX_VALUE ? "" : " LIMIT " + limit;
        }

        /**
         * One block of one person (not read ahead): at most {@link #BLOCK_LIMIT} live people whose row
         * meets {@code where} ({@code %s} standing for the values' marks), as rows with their contacts and
         * companies' domains; a person this transaction holds as it holds it. Plain SQL: the query as
         * HQL with a list of values would be translated anew on every call.
         */
        private void block(Map<Long, Candidate> into, String where, List<?> values) {
            List<Candidate> found = query(SELECT + " WHERE " + String.format(Locale.ROOT, where, marks(values.size()))
                    + " AND p.merged_into IS NULL" + limited(BLOCK_LIMIT), values);
            for (Candidate read : found) {
                take(into, read);
            }
        }

        /**
         * Adds a person read to {@code into} unless there already; one this transaction holds counts as it
         * holds it, and not at all once merged. Whether it was added.
         */
        private static boolean take(Map<Long, Candidate> into, Candidate read) {
            if (into.containsKey(read.id())) {
                return false;
            }
            Person held = HeldRecords.find(Person.class, read.id());
            if (held != null && held.mergedInto != null) {
                return false;
            }
            into.put(read.id(), held != null ? Candidate.of(held) : read);
            return true;
        }

        private static String marks(int n) {
            return String.join(", ", java.util.Collections.nCopies(n, "?"));
        }

        /** The first {@code limit} live people of each name key (by id), one list per key. */
        private List<List<Candidate>> readFirst(List<String> keys, int limit) {
            List<List<Candidate>> parts = new ArrayList<>();
            QueuedInserts.write(Person.getEntityManager());
            Person.getEntityManager().unwrap(Session.class).doWork(c -> {
                String sql = java.util.stream.IntStream.range(0, keys.size()).mapToObj(i -> "(" + SELECT.replace("SELECT ",
                        "SELECT " + i + " AS part, ") + " WHERE p.name_key = ? AND p.merged_into IS NULL ORDER BY p.id LIMIT "
                        + limit + ")").collect(java.util.stream.Collectors.joining(" UNION ALL "));
                try (PreparedStatement q = c.prepareStatement(sql)) {
                    for (int i = 0; i < keys.size(); i++) {
                        q.setString(i + 1, keys.get(i));
                        parts.add(new ArrayList<>());
                    }
                    List<List<Candidate>> read = rows(q);
                    for (int i = 0; i < read.size(); i++) {
                        parts.set(i, read.get(i));
                    }
                }
                readContacts(c, parts.stream().flatMap(List::stream).toList());
            });
            return parts;
        }

        private static final String SELECT = "SELECT p.id, p.family_name, p.given_name, p.name_key, p.email, p.phone_e164,"
                + " p.organization_id, o.domain FROM person p LEFT JOIN organization o ON o.id = p.organization_id";

        /** The rows of a query of {@link #SELECT}, by the part a first column {@code part} names (else one part). */
        private List<List<Candidate>> rows(PreparedStatement q) throws java.sql.SQLException {
            List<List<Candidate>> parts = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                boolean numbered = "part".equalsIgnoreCase(rs.getMetaData().getColumnLabel(1));
                int offset = numbered ? 1 : 0;
                while (rs.next()) {
                    int part = numbered ? rs.getInt(1) : 0;
                    while (parts.size() <= part) {
                        parts.add(new ArrayList<>());
                    }
                    // asked right after its own column: wasNull() answers for the column read last
                    long read = rs.getLong(offset + 7);
                    Long organization = rs.wasNull() ? null : read;
                    Candidate candidate = new Candidate(rs.getLong(offset + 1), rs.getString(offset + 2),
                            rs.getString(offset + 3), rs.getString(offset + 4), rs.getString(offset + 5),
                            rs.getString(offset + 6), organization);
                    parts.get(part).add(candidate);
                    if (candidate.organizationId() != null) {
                        domains.putIfAbsent(candidate.organizationId(), rs.getString(offset + 8));
                    }
                }
            }
            if (parts.isEmpty()) {
                parts.add(new ArrayList<>());
            }
            return parts;
        }

        /** The further contacts of people just read, unless already known. */
        private void readContacts(java.sql.Connection c, List<Candidate> people) throws java.sql.SQLException {
            List<Long> ids = people.stream().map(Candidate::id).filter(id -> !contacts.containsKey(id)).distinct().toList();
            if (ids.isEmpty()) {
                return;
            }
            Map<Long, List<PersonContact>> read = new HashMap<>();
            ids.forEach(id -> read.put(id, new ArrayList<>()));
            try (PreparedStatement q = c.prepareStatement("SELECT person_id, kind, value, e164 FROM person_contact"
                    + " WHERE person_id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
                    + ") ORDER BY id")) {
                for (int i = 0; i < ids.size(); i++) {
                    q.setLong(i + 1, ids.get(i));
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        PersonContact contact = new PersonContact();
                        contact.personId = rs.getLong(1);
                        contact.kind = rs.getString(2);
                        contact.value = rs.getString(3);
                        contact.e164 = rs.getString(4);
                        read.get(contact.personId).add(contact);
                    }
                }
            }
            contacts.putAll(read);
        }

        private static <K> void put(Map<K, Map<Long, Candidate>> index, K key, Candidate c) {
            index.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(c.id(), c);
        }

        /** At most {@link #BLOCK_LIMIT} people per kind of key, as a query of the block reads. */
        private <K> void collect(Map<Long, Candidate> into, Map<K, Map<Long, Candidate>> index, Collection<K> keys) {
            int taken = 0;
            for (K key : keys) {
                // a row skips only people it already has: read in part, a block may run out before the limit
                if (index == byName && partial.containsKey(key)
                        && partial.get(key) < into.size() + BLOCK_LIMIT - taken) {
                    complete((String) key);
                }
                Map<Long, Candidate> block = index.get(key);
                if (block == null) {
                    continue;
                }
                for (Candidate read : block.values()) {
                    if (taken >= BLOCK_LIMIT) {
                        return;
                    }
                    if (take(into, read)) {
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

        /** The web or mail domain of an organization: as this transaction holds it, else as stored. */
        private String domainOf(Long organizationId) {
            if (organizationId == null) {
                return null;
            }
            Organization held = HeldRecords.find(Organization.class, organizationId);
            if (held != null) {
                return held.domain;
            }
            if (!domains.containsKey(organizationId)) {
                Organization o = Organization.findById(organizationId);
                domains.put(organizationId, o == null ? null : o.domain);
            }
            return domains.get(organizationId);
        }

        /** Reads the domains of these people's organizations at once, those not read yet. */
        private void readDomains(Collection<Candidate> people) {
            List<Long> ids = people.stream().map(Candidate::organizationId)
                    .filter(id -> id != null && !domains.containsKey(id)).distinct().toList();
            if (ids.isEmpty()) {
                return;
            }
            ids.forEach(id -> domains.put(id, null));
            // a company an import chunk created and holds is not found here, and need not be: it is in this
            // transaction's persistence context, which domainOf asks first (ADR 0029)
            Person.getEntityManager().unwrap(Session.class).doWork(c -> {
                try (PreparedStatement q = c.prepareStatement("SELECT id, domain FROM organization WHERE id IN ("
                        + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")) {
                    for (int i = 0; i < ids.size(); i++) {
                        q.setLong(i + 1, ids.get(i));
                    }
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            domains.put(rs.getLong(1), rs.getString(2));
                        }
                    }
                }
            });
        }
    }

    /** The match with {@code b}, or {@code null} when the two are not alike enough to report. */
    private Scored score(Incoming a, Candidate b, Set<String> emailsB, Set<String> phonesB, Blocks blocks) {
        double score;
        double name = 0;
        boolean sameEmail = intersects(a.emails, emailsB);
        boolean samePhone = false;
        boolean sameOrganization = false;
        boolean sameDomain = false;
        boolean mailDomainClash = false;
        if (sameEmail) {
            score = 1.0;
        } else {
            // no pair can be more alike than the same key
            for (int i = 0; i < a.keys.size() && name < 1; i++) {
                for (int j = 0; j < b.nameKeys().size() && name < 1; j++) {
                    name = Math.max(name, Similarity.of(a.keys.get(i), b.nameKeys().get(j)));
                }
            }
            samePhone = intersects(a.phones, phonesB);
            if (samePhone && name >= PHONE_NAME) {
                score = 0.97;
            } else {
                score = name * NAME_WEIGHT;
                if (samePhone) {
                    // a shared switchboard or a desk phone passed on: worth a look, not a verdict
                    score += PHONE_ALONE;
                }
                sameOrganization = a.person.organizationId != null && a.person.organizationId.equals(b.organizationId());
                if (!sameOrganization) {
                    Set<String> domainsA = a.companyDomains(blocks);
                    sameDomain = !domainsA.isEmpty() && intersects(domainsA, companyDomains(b, emailsB, blocks));
                }
                if (sameOrganization || sameDomain) {
                    score += SAME_COMPANY;
                }
                // two different addresses at one company are more often two colleagues than one person
                mailDomainClash = intersects(a.mailDomains, mailDomains(emailsB));
                if (mailDomainClash) {
                    score -= 0.08;
                }
                score = Math.max(0, Math.min(config.sure() - 0.0001, score));
            }
        }
        Verdict verdict = score >= config.sure() ? Verdict.SURE : score >= config.likely() ? Verdict.LIKELY : Verdict.NEW;
        if (verdict == Verdict.NEW) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        if (sameEmail) {
            reasons.add("same e-mail");
        } else {
            reasons.add(String.format(Locale.ROOT, "name %.2f", name));
            if (samePhone) {
                reasons.add("same phone");
            }
            if (sameOrganization || sameDomain) {
                reasons.add(sameOrganization ? "same organization" : "same e-mail domain");
            }
            if (mailDomainClash) {
                reasons.add("different e-mails at one domain");
            }
        }
        return new Scored(b.id(), score, reasons, verdict);
    }

    /** The name key, and for a two-part name the key the other way round (王小明 / 小明王, Smith Mary / Mary Smith). */
    static List<String> keys(Person p) {
        return keys(p.familyName, p.givenName);
    }

    private static List<String> keys(String familyName, String givenName) {
        List<String> keys = new ArrayList<>();
        String key = NameKeys.person(familyName, givenName);
        if (!key.isEmpty()) {
            keys.add(key);
        }
        if (givenName != null && !givenName.isBlank()) {
            String reversed = NameKeys.person(givenName, familyName);
            if (!reversed.isEmpty() && !keys.contains(reversed)) {
                keys.add(reversed);
            }
        }
        return keys;
    }

    /** Erased people (party.Privacy) all have the same name and nothing else: they are nobody's duplicates. */
    private static boolean erased(Person p) {
        return p.id != null && erased(p.id, p.nameKey);
    }

    private static boolean erased(long id, String nameKey) {
        return nameKey != null && nameKey.startsWith("erased") && ("erased" + id).equals(nameKey);
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
    private static Set<String> emails(Candidate p, List<PersonContact> contacts) {
        Set<String> all = new LinkedHashSet<>();
        if (p.email() != null) {
            all.add(p.email());
        }
        contacts.stream().filter(c -> PersonContact.EMAIL.equals(c.kind)).forEach(c -> all.add(c.value));
        return all;
    }

    private static Set<String> phones(Candidate p, List<PersonContact> contacts) {
        Set<String> all = new LinkedHashSet<>();
        if (p.phoneE164() != null) {
            all.add(p.phoneE164());
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
    private static Set<String> companyDomains(Candidate p, Set<String> emails, Blocks blocks) {
        Set<String> domains = mailDomains(emails);
        String domain = blocks.domainOf(p.organizationId());
        if (domain != null && !OrganizationMatcher.isFreeMail(domain)) {
            domains.add(domain);
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

    /** What a query of the blocks would have flushed first: this transaction's changes, if it has any. */
    private static void flushPending() {
        Session session = Person.getEntityManager().unwrap(Session.class);
        if (session.getHibernateFlushMode() == org.hibernate.FlushMode.AUTO && session.isDirty()) {
            session.flush();
        }
    }
}
