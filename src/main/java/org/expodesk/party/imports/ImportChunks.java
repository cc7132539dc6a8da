package org.expodesk.party.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.expodesk.audit.AuditLog;
import org.expodesk.party.NameKeys;
import org.expodesk.party.Organization;
import org.expodesk.party.Organizations;
import org.expodesk.party.People;
import org.expodesk.party.Person;
import org.expodesk.party.Phones;
import org.expodesk.party.SearchIndex;
import org.expodesk.party.dedup.KeyLocks;
import org.expodesk.party.dedup.OrganizationMatcher;
import org.expodesk.party.dedup.PersonMatcher;
import org.expodesk.party.dedup.ReviewQueue;
import org.expodesk.platform.db.MultiRowInsert;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;
import org.hibernate.Session;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports one chunk of rows in one transaction, with the run's progress and counters: either
 * the whole chunk and its progress are committed, or nothing of it, so a run taken over by
 * another node carries on after the last committed chunk. Every row ends as created, updated,
 * merged, sent to review, unchanged, or an error.
 */
@ApplicationScoped
public class ImportChunks {

    @Inject
    EntityManager em;

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @Inject
    PersonMatching personMatching;

    @Inject
    KeyLocks keyLocks;

    @Inject
    PersonMatcher personMatcher;

    @Inject
    AuditLog auditLog;

    @Inject
    SearchIndex searchIndex;

    @Inject
    ReviewQueue reviewQueue;

    @Inject
    Clock clock;

    /** Thrown when another node has moved the run on meanwhile: this node stops. */
    public static class Overtaken extends RuntimeException {
        Overtaken() {
            super("The import was carried on elsewhere", null, false, false);
        }
    }

    /** Inserts and updates of a chunk's records sent in one batch at most (a chunk has 500 rows). */
    static final int BATCH = 500;

    enum Outcome { CREATED, UPDATED, MERGED, REVIEW, UNCHANGED, ERROR }

    private record Fingerprint(ByteBuffer hash, long recordId) {
    }

    /**
     * Imports the rows at positions {@code from} on; fails with {@link Overtaken} if the run is no
     * longer there. {@code companies}: organizations (by name key) that earlier, committed chunks
     * of the run resolved; returns those this chunk resolved, to be remembered once it committed.
     * {@code commonTerms}: the organization name terms earlier chunks found common, to which this
     * chunk adds those it finds (to be kept once it committed). {@code ahead}: its new companies' name
     * blocks read while the chunk before it was under way ({@code null}: none). {@code keptRows}: the alike
     * organizations' rows earlier chunks of the run read, to which this chunk's reads are added once it committed.
     */
    @Transactional
    public Map<String, Long> process(long runId, int from, List<MappedRow> rows, Map<String, Long> companies,
                                     SearchIndex.LastingCommonTerms commonTerms, CompaniesAhead.Read ahead,
                                     OrganizationMatcher.KeptRows keptRows, ImportPhases phases) {
        phases.enter("fingerprints and known e-mails");
        ImportRun run = ImportRun.findById(runId);
        if (run == null || run.status != ImportRun.Status.RUNNING || run.nextRow != from) {
            throw new Overtaken();
        }
        // no flush before every query: with hundreds of managed records that is most of a chunk's
        // time; new organization rows are written before the next row's dedup queries read them (at once, or in a
        // people chunk, which holds their inserts, by the reads of organizations themselves: ADR 0029)
        em.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
        // the chunk's audit entries, new people's search terms, employments and review pairs in one batch each, not
        // one statement per record
        auditLog.holdUntilCommit();
        reviewQueue.holdUntilCommit();
        searchIndex.holdUntilCommit();
        people.holdEmploymentsUntilCommit();
        if (run.kind == ImportKind.PEOPLE) {
            // the new people's and companies' inserts in batches at the flush below, not one round trip each (ADR 0029)
            people.holdInsertsUntilFlush(BATCH);
        }
        // the company names' terms that earlier chunks found common are not counted again
        searchIndex.rememberCommonTerms(commonTerms);
        Map<ByteBuffer, Long> known = known(run.kind, run.id, rows);
        Map<Outcome, Integer> tally = new HashMap<>();
        List<Fingerprint> remember = new ArrayList<>();
        List<ImportRowError> errors = new ArrayList<>();
        Map<String, Person> byEmail = run.kind == ImportKind.PEOPLE ? personMatching.byEmail(rows.stream()
                .filter(MappedRow::valid).map(r -> r.get("email")).filter(Objects::nonNull).toList()) : Map.of();
        Resolved organizationIds = new Resolved(companies);
        PersonMatcher.Blocks blocks = null;
        if (run.kind == ImportKind.PEOPLE) {
            blocks = readAhead(rows, known, byEmail, organizationIds, ahead, commonTerms, keptRows, phases);
        }
        phases.enter("rows");
        Set<Long> producedHere = new HashSet<>();
        Set<Long> importedEarlier = run.kind == ImportKind.PEOPLE
                ? importedBefore(run, byEmail.values().stream().map(p -> p.id).toList()) : Set.of();
        for (MappedRow row : rows) {
            Outcome outcome;
            if (!row.valid()) {
                for (FieldError e : row.errors()) {
                    errors.add(error(run.id, row.rowNo(), e.field(), e.message()));
                }
                outcome = Outcome.ERROR;
            } else {
                ByteBuffer hash = ByteBuffer.wrap(row.fingerprint());
                Long seen = known.get(hash);
                if (seen != null) {
                    outcome = seen < 0 ? Outcome.UNCHANGED : Outcome.MERGED;
                } else {
                    long[] record = new long[1];
                    FieldError phone = run.kind == ImportKind.PEOPLE ? phoneRefused(row, byEmail, organizationIds)
                            : phoneRefused(row.get("phone"), row.get("country"));
                    if (phone != null) {
                        // what the create would refuse, refused before it: a refused create dooms its whole chunk
                        errors.add(error(run.id, row.rowNo(), phone.field(), phone.message()));
                        tally.merge(Outcome.ERROR, 1, Integer::sum);
                        continue;
                    }
                    if (run.kind == ImportKind.ORGANIZATIONS) {
                        outcome = organization(run, row, record, producedHere);
                        em.flush();
                    } else {
                        outcome = person(run, row, record, byEmail, organizationIds, producedHere, importedEarlier, blocks,
                                errors, phases);
                        if (outcome == Outcome.ERROR) {
                            tally.merge(Outcome.ERROR, 1, Integer::sum);
                            continue;
                        }
                    }
                    producedHere.add(record[0]);
                    known.put(hash, record[0]);
                    remember.add(new Fingerprint(hash, record[0]));
                }
            }
            tally.merge(outcome, 1, Integer::sum);
        }
        phases.enter("flush and write");
        em.flush();
        // before the audit entries, which are held too: the pairs' entries join them
        reviewQueue.writeHeld();
        write(run, remember, errors);
        run.created += tally.getOrDefault(Outcome.CREATED, 0);
        run.updated += tally.getOrDefault(Outcome.UPDATED, 0);
        run.merged += tally.getOrDefault(Outcome.MERGED, 0);
        run.needsReview += tally.getOrDefault(Outcome.REVIEW, 0);
        run.unchanged += tally.getOrDefault(Outcome.UNCHANGED, 0);
        run.errors += tally.getOrDefault(Outcome.ERROR, 0);
        run.nextRow = from + rows.size();
        run.claimedAt = Instant.now(clock);
        run.updatedAt = run.claimedAt;
        // the held audit entries and search terms are written as the transaction commits
        phases.enter("commit");
        return organizationIds.chunk;
    }

    /**
     * The companies resolved by name key: the run's ({@code run}, not changed while the chunk is under way),
     * and over them the chunk's own. Copying the run's into a map of the chunk's, per chunk, took a
     * tenth of a people chunk's CPU once a run had resolved thousands.
     */
    private static final class Resolved extends java.util.AbstractMap<String, Long> {
        private final Map<String, Long> run;
        private final Map<String, Long> chunk = new HashMap<>();

        Resolved(Map<String, Long> run) {
            this.run = run;
        }

        @Override
        public Long get(Object key) {
            Long id = chunk.get(key);
            return id != null ? id : run.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return chunk.containsKey(key) || run.containsKey(key);
        }

        @Override
        public Long put(String key, Long id) {
            return chunk.put(key, id);
        }

        @Override
        public Set<Entry<String, Long>> entrySet() {
            throw new UnsupportedOperationException("only looked up by key");
        }
    }

    /** A row that could not be imported at all (the database refused it): reported, and the run moves on. */
    @Transactional
    public void fail(long runId, int position, MappedRow row, String message) {
        ImportRun run = ImportRun.findById(runId);
        if (run == null || run.status != ImportRun.Status.RUNNING || run.nextRow != position) {
            throw new Overtaken();
        }
        error(run.id, row.rowNo(), null, message).persist();
        run.errors++;
        run.nextRow = position + 1;
        run.claimedAt = Instant.now(clock);
        run.updatedAt = run.claimedAt;
    }

    private Outcome organization(ImportRun run, MappedRow row, long[] record, Set<Long> producedHere) {
        Map<String, String> v = row.values();
        Organizations.Created created = organizations.createOrMatch(new Organizations.NewOrganization(v.get("name"),
                v.get("nameLatin"), v.get("shortName"), v.get("creditCode"), v.get("country"), v.get("province"),
                v.get("city"), v.get("address"), v.get("website"), v.get("email"), v.get("phone"), v.get("industry"),
                v.get("companySize"), v.get("mainBusiness"), v.get("tags"), v.get("notes"), null));
        Organization o = created.organization();
        record[0] = o.id;
        if (!created.existing()) {
            return created.possible().isEmpty() ? Outcome.CREATED : Outcome.REVIEW;
        }
        // a record an earlier import made takes the file's newer values; any other only fills its gaps
        if (!producedHere.contains(o.id) && importedBefore(run, o.id)) {
            return overwrite(o, v) ? Outcome.UPDATED : Outcome.UNCHANGED;
        }
        return Outcome.MERGED;
    }

    /** Which of these records an earlier import produced, in one query. */
    private Set<Long> importedBefore(ImportRun run, List<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> found = new HashSet<>();
        for (Object id : em.createNativeQuery("SELECT DISTINCT record_id FROM import_fingerprint WHERE kind = ?1"
                        + " AND record_id IN (?2) AND import_id <> ?3")
                .setParameter(1, run.kind.name()).setParameter(2, recordIds).setParameter(3, run.id).getResultList()) {
            found.add(((Number) id).longValue());
        }
        return found;
    }

    private boolean importedBefore(ImportRun run, long recordId) {
        return !em.createNativeQuery("SELECT 1 FROM import_fingerprint WHERE kind = ?1 AND record_id = ?2"
                        + " AND import_id <> ?3 LIMIT 1")
                .setParameter(1, run.kind.name()).setParameter(2, recordId).setParameter(3, run.id)
                .getResultList().isEmpty();
    }

    private static boolean overwrite(Organization o, Map<String, String> v) {
        boolean changed = false;
        changed |= !Objects.equals(o.nameLatin, o.nameLatin = or(v.get("nameLatin"), o.nameLatin));
        changed |= !Objects.equals(o.shortName, o.shortName = or(v.get("shortName"), o.shortName));
        changed |= !Objects.equals(o.province, o.province = or(v.get("province"), o.province));
        changed |= !Objects.equals(o.city, o.city = or(v.get("city"), o.city));
        changed |= !Objects.equals(o.address, o.address = or(v.get("address"), o.address));
        changed |= !Objects.equals(o.phone, o.phone = or(v.get("phone"), o.phone));
        changed |= !Objects.equals(o.email, o.email = or(v.get("email"), o.email));
        changed |= !Objects.equals(o.industry, o.industry = or(v.get("industry"), o.industry));
        changed |= !Objects.equals(o.companySize, o.companySize = or(v.get("companySize"), o.companySize));
        changed |= !Objects.equals(o.mainBusiness, o.mainBusiness = or(v.get("mainBusiness"), o.mainBusiness));
        changed |= !Objects.equals(o.notes, o.notes = or(v.get("notes"), o.notes));
        if (changed) {
            List<FieldError> errors = new ArrayList<>();
            o.phoneE164 = Phones.e164(o.phone, o.country, "phone", errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            if (o.website == null && o.email != null) {
                o.domain = o.email.substring(o.email.indexOf('@') + 1);
            }
        }
        return changed;
    }

    /**
     * What a people chunk looks up row by row, done for all its rows at once: the companies, the key
     * locks of the people to create, and the dedup blocks of those people.
     */
    private PersonMatcher.Blocks readAhead(List<MappedRow> rows, Map<ByteBuffer, Long> known, Map<String, Person> byEmail,
                                           Resolved organizationIds, CompaniesAhead.Read ahead,
                                           SearchIndex.LastingCommonTerms commonTerms,
                                           OrganizationMatcher.KeptRows keptRows, ImportPhases phases) {
        phases.enter("companies: known by name");
        List<MappedRow> unknown = rows.stream().filter(r -> r.valid() && !known.containsKey(ByteBuffer.wrap(r.fingerprint())))
                .toList();
        // what the run resolved before this chunk: the chunk's own are added below
        Set<String> resolved = organizationIds.run.keySet();
        // the companies named that are one live organization of that name, in two queries, not two per company
        organizations.uniquelyNamed(unknown.stream().map(r -> r.get("organization")).filter(Objects::nonNull)
                .filter(name -> !resolved.contains(NameKeys.organization(name))).toList())
                .forEach((key, organization) -> organizationIds.put(key, organization.id));
        // the companies earlier chunks resolved, read in one query instead of one each as rows need them
        List<Long> earlier = unknown.stream().map(r -> r.get("organization")).filter(Objects::nonNull)
                .map(name -> organizationIds.get(NameKeys.organization(name))).filter(Objects::nonNull).distinct()
                .toList();
        if (!earlier.isEmpty()) {
            org.expodesk.platform.db.QueuedInserts.write(em);
            Organization.list("id in ?1", earlier);
        }
        phases.enter("companies: phone checks");
        // a row the create would refuse leaves nothing behind, not even its company
        List<MappedRow> fresh = unknown.stream().filter(r -> phoneRefused(r, byEmail, organizationIds, true) == null)
                .toList();
        List<MappedRow> toMatch = new ArrayList<>();
        List<Long> companyIds = new ArrayList<>();
        phases.enter("companies: locks");
        keyLocks.lockAll(fresh.stream().map(r -> r.get("organization")).filter(Objects::nonNull)
                .filter(name -> !resolved.contains(NameKeys.organization(name)))
                .map(name -> Organizations.lockKey(company(name))).toList());
        // the companies named that are none of the database yet (or one of several namesakes): their
        // name blocks read at once, then each created or matched as a manual create would
        Map<String, Organizations.NewOrganization> unresolved = new java.util.LinkedHashMap<>();
        for (MappedRow row : fresh) {
            String name = row.get("organization");
            if (name != null && !organizationIds.containsKey(NameKeys.organization(name))) {
                unresolved.putIfAbsent(NameKeys.organization(name), company(name));
            }
        }
        OrganizationMatcher.Blocks companyBlocks = null;
        if (!unresolved.isEmpty()) {
            phases.enter("companies: name blocks, waiting for those read ahead");
            OrganizationMatcher.Blocks readEarlier = ahead == null ? null : ahead.get();
            if (readEarlier != null) {
                ahead.learnInto(searchIndex);
            }
            phases.enter("companies: name blocks");
            // a block to which the chunk before added companies takes them in, rather than being read again
            companyBlocks = organizations.readAhead(unresolved.values(), readEarlier,
                    (read, limit) -> ahead == null ? null : ahead.completed(read, commonTerms, limit), keptRows);
            phases.count("companies: names", companyBlocks.names());
            phases.count("companies: names taken from the read ahead", companyBlocks.takenFromEarlier());
            phases.count("companies: names taken from the read ahead with the chunk before's companies",
                    companyBlocks.completedFromEarlier());
        }
        OrganizationMatcher.Blocks companyBlocksRead = companyBlocks;
        phases.enter("companies: created or matched");
        for (MappedRow row : fresh) {
            String name = row.get("organization");
            if (name != null) {
                organizationIds.computeIfAbsent(NameKeys.organization(name),
                        k -> organizations.createOrMatch(company(name), companyBlocksRead).organization().id);
            }
            Long organizationId = company(row.values(), organizationIds);
            if (row.get("email") == null || !byEmail.containsKey(row.get("email"))) {
                toMatch.add(row);
                companyIds.add(organizationId);
            }
        }
        phases.enter("person locks");
        keyLocks.lockAll(toMatch.stream().map(r -> People.lockKey(new People.NewPerson(r.get("familyName"),
                r.get("givenName"), null, null, r.get("email"), null, null, null, null))).toList());
        List<Person> names = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (MappedRow row : toMatch) {
            Person p = new Person();
            p.familyName = row.get("familyName");
            p.givenName = row.get("givenName");
            names.add(p);
            if (row.get("email") != null) {
                emails.add(row.get("email"));
            }
            if (row.get("phone") != null) {
                Long organizationId = companyIds.get(names.size() - 1);
                Organization company = organizationId == null ? null : Organization.findById(organizationId);
                phones.add(Phones.e164(row.get("phone"), company == null ? null : company.country));
            }
        }
        phases.enter("person blocks");
        PersonMatcher.Blocks blocks = personMatcher.blocks();
        blocks.readAhead(emails, phones, names, companyIds);
        return blocks;
    }

    /**
     * The create's check of a new person's phone, for a row that creates one: read in the country of
     * the row's company (the run's, or the one live organization of that name), else without one.
     */
    private FieldError phoneRefused(MappedRow row, Map<String, Person> byEmail, Map<String, Long> organizationIds) {
        return phoneRefused(row, byEmail, organizationIds, false);
    }

    /** {@code namesLookedUp}: the chunk's company names were all looked up, so one not resolved is no single company. */
    private FieldError phoneRefused(MappedRow row, Map<String, Person> byEmail, Map<String, Long> organizationIds,
                                    boolean namesLookedUp) {
        String phone = row.get("phone");
        String email = row.get("email");
        if (phone == null || email != null && byEmail.containsKey(email)) {
            return null;
        }
        String name = row.get("organization");
        Long organizationId = name == null ? null : organizationIds.get(NameKeys.organization(name));
        Organization company = organizationId != null ? Organization.findById(organizationId)
                : name == null || namesLookedUp ? null : organizations.uniquelyNamed(name).orElse(null);
        return phoneRefused(phone, company == null || company.mergedInto != null ? null : company.country);
    }

    /** The create's check of a phone read in a country (an organization row: its own). */
    static FieldError phoneRefused(String phone, String country) {
        if (phone == null) {
            return null;
        }
        List<FieldError> problems = new ArrayList<>();
        Phones.e164(phone, country == null ? null : country.trim().toUpperCase(Locale.ROOT), "phone", problems);
        return problems.isEmpty() ? null : problems.get(0);
    }

    /** The row's company, once per company and run: its key lock cannot be taken twice in one transaction. */
    private Long company(Map<String, String> v, Map<String, Long> organizationIds) {
        String orgName = v.get("organization");
        if (orgName == null) {
            return null;
        }
        return organizationIds.computeIfAbsent(NameKeys.organization(orgName), k -> organizations.named(orgName).id);
    }

    /** A company known by its name only, as a people file names it. */
    static Organizations.NewOrganization company(String name) {
        return new Organizations.NewOrganization(name, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    private Outcome person(ImportRun run, MappedRow row, long[] record, Map<String, Person> byEmail,
                           Map<String, Long> organizationIds, Set<Long> producedHere, Set<Long> importedEarlier,
                           PersonMatcher.Blocks blocks,
                           List<ImportRowError> errors, ImportPhases phases) {
        Map<String, String> v = row.values();
        Long organizationId = company(v, organizationIds);
        String email = v.get("email");
        Person existing = email == null ? null : byEmail.get(email);
        phases.enter(existing == null ? "rows: people matched or created" : "rows: people known by e-mail");
        if (existing == null) {
            // the same path as a manual create: sure → the existing person (gaps filled), likely → review
            People.Created created = people.createOrMatch(new People.NewPerson(v.get("familyName"), v.get("givenName"),
                    null, v.get("jobTitle"), email, v.get("phone"), organizationId, v.get("language"), v.get("tags")),
                    blocks);
            Person p = created.person();
            record[0] = p.id;
            if (email != null) {
                byEmail.put(email, p);
            }
            return created.existing() ? Outcome.MERGED : created.possible().isEmpty() ? Outcome.CREATED : Outcome.REVIEW;
        }
        record[0] = existing.id;
        // as for organizations: a person an earlier import made takes the file's newer values, anyone
        // else (entered or corrected by staff) only has their gaps filled
        boolean ours = !producedHere.contains(existing.id) && importedEarlier.contains(existing.id);
        String givenName = pick(ours, v.get("givenName"), existing.givenName);
        String phone = pick(ours, v.get("phone"), existing.phone);
        String language = v.get("language") == null ? null
                : Locale.forLanguageTag(v.get("language").replace('_', '-')).toLanguageTag();
        language = pick(ours, language, existing.language);
        boolean moves = organizationId != null && !organizationId.equals(existing.organizationId)
                && (ours || existing.organizationId == null);
        String jobTitle = moves ? existing.jobTitle : pick(ours, v.get("jobTitle"), existing.jobTitle);
        boolean changed = moves || !Objects.equals(existing.givenName, givenName) || !Objects.equals(existing.phone, phone)
                || !Objects.equals(existing.language, language) || !Objects.equals(existing.jobTitle, jobTitle);
        if (!changed) {
            return Outcome.UNCHANGED;
        }
        // a phone the change would refuse is this row's error before anything changes: a refused
        // change dooms the whole chunk, which is then redone by halves down to this row
        Long companyId = moves ? organizationId : existing.organizationId;
        Organization company = companyId == null ? null : Organization.findById(companyId);
        List<FieldError> problems = new ArrayList<>();
        String phoneE164 = Phones.e164(phone, company == null ? null : company.country, "phone", problems);
        if (!problems.isEmpty()) {
            errors.add(error(run.id, row.rowNo(), problems.get(0).field(), problems.get(0).message()));
            return Outcome.ERROR;
        }
        existing.givenName = givenName;
        existing.phone = phone;
        existing.language = language;
        if (moves) {
            people.changeOrganization(existing.id, organizationId, v.get("jobTitle"));
        } else {
            existing.jobTitle = jobTitle;
        }
        // what is derived from the values follows them
        existing.phoneE164 = phoneE164;
        existing.nameKey = NameKeys.person(existing.familyName, existing.givenName);
        return Outcome.UPDATED;
    }

    /** The file's value when the record is the import's own, else only into a gap. */
    private static String pick(boolean ours, String value, String current) {
        return ours ? or(value, current) : current != null ? current : value;
    }

    private static String or(String value, String otherwise) {
        return value != null ? value : otherwise;
    }

    /** Fingerprints of these rows already remembered: by an earlier run (-1) or this one (the record). */
    Map<ByteBuffer, Long> known(ImportKind kind, long runId, List<MappedRow> rows) {
        Map<ByteBuffer, Long> known = new HashMap<>();
        List<byte[]> hashes = rows.stream().map(MappedRow::fingerprint).filter(Objects::nonNull).toList();
        if (hashes.isEmpty()) {
            return known;
        }
        StringBuilder sql = new StringBuilder("SELECT fingerprint, record_id, import_id FROM import_fingerprint"
                + " WHERE kind = ? AND fingerprint IN (");
        sql.append("?,".repeat(hashes.size()));
        sql.setLength(sql.length() - 1);
        sql.append(')');
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement q = c.prepareStatement(sql.toString())) {
                q.setString(1, kind.name());
                for (int i = 0; i < hashes.size(); i++) {
                    q.setBytes(i + 2, hashes.get(i));
                }
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        known.put(ByteBuffer.wrap(rs.getBytes(1)), rs.getLong(3) == runId ? rs.getLong(2) : -1L);
                    }
                }
            }
        });
        return known;
    }

    private void write(ImportRun run, List<Fingerprint> fingerprints, List<ImportRowError> errors) {
        em.unwrap(Session.class).doWork(c -> {
            MultiRowInsert.write(c, "INSERT INTO import_fingerprint (kind, fingerprint, record_id, import_id)",
                    " ON DUPLICATE KEY UPDATE record_id = VALUES(record_id)", fingerprints,
                    f -> new Object[]{run.kind.name(), f.hash().array(), f.recordId(), run.id});
            MultiRowInsert.write(c, "INSERT INTO import_error (import_id, row_no, field, message)", "", errors,
                    e -> new Object[]{e.importId, e.rowNo, e.field, e.message});
        });
    }

    private static ImportRowError error(long runId, int rowNo, String field, String message) {
        ImportRowError e = new ImportRowError();
        e.importId = runId;
        e.rowNo = rowNo;
        e.field = field;
        e.message = message.length() > 500 ? message.substring(0, 500) : message;
        return e;
    }
}
