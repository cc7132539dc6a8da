package org.expodesk.party;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.OrganizationDirectory;
import org.expodesk.account.UserService;
import org.expodesk.party.dedup.OrganizationMatcher;
import org.expodesk.party.dedup.ReviewQueue;
import org.expodesk.platform.db.QueuedInserts;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Organizations of the customer database: creating, editing, reading, screening. */
@ApplicationScoped
@Transactional
public class Organizations implements OrganizationDirectory {

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    @Inject
    Clock clock;

    @Inject
    UserService users;

    @Inject
    OrganizationMatcher matcher;

    @Inject
    ReviewQueue review;

    @Inject
    org.expodesk.party.dedup.KeyLocks keyLocks;

    @Inject
    SearchIndex searchIndex;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transaction;

    public record NewOrganization(String name, String nameLatin, String shortName, String creditCode, String country,
                                  String province, String city, String address, String website, String email,
                                  String phone, String industry, String companySize, String mainBusiness,
                                  String tags, String notes, String owner) {
    }

    /** The outcome of a create: a new record, or the existing one it was recognised as. */
    public record Created(Organization organization, boolean existing, List<OrganizationMatcher.Match> possible) {
    }

    public Organization create(NewOrganization r) {
        return createOrMatch(r).organization();
    }

    /**
     * Creates an organization unless it is surely one already there: then the existing record
     * gets the fields it lacked, and is returned instead. Likely matches go to the review queue.
     */
    public Created createOrMatch(NewOrganization r) {
        return createOrMatch(r, null);
    }

    /**
     * The same, with the name blocks of many new organizations read ahead ({@link #readAhead};
     * {@code null}: none), kept up to date here.
     */
    public Created createOrMatch(NewOrganization r, OrganizationMatcher.Blocks blocks) {
        return createOrMatch(r, blocks, null);
    }

    /**
     * The company a person names, who gave an address at {@code memberMailDomain} (a registrant; {@code null}:
     * none): a likely company whose own domain that is, is theirs ({@link OrganizationMatcher#matches(Organization,
     * OrganizationMatcher.Blocks, int, String)}).
     */
    public Created createOrMatchForMember(NewOrganization r, String memberMailDomain) {
        return createOrMatch(r, null, memberMailDomain);
    }

    private Created createOrMatch(NewOrganization r, OrganizationMatcher.Blocks blocks, String memberMailDomain) {
        // first statement of the transaction: a second create of the same company waits here, and
        // then its reads see the first one's committed row
        keyLocks.lock(lockKey(r));
        Organization o = validated(r);
        // the best five: the one taken if sure, else those proposed for review
        List<OrganizationMatcher.Match> matches = matcher.matches(o, blocks, 5, memberMailDomain);
        if (!matches.isEmpty() && matches.get(0).verdict() == OrganizationMatcher.Verdict.SURE) {
            Organization existing = matches.get(0).organization();
            fillGaps(existing, o);
            return new Created(existing, true, List.of());
        }
        o.persist();
        // its row now, as the AUTO_INCREMENT insert wrote it, unless a people import chunk holds the inserts until its
        // flush (reserved ids, ADR 0029); its search terms now either way: the next company is matched against them
        QueuedInserts.writeUnlessHeld(transaction, Organization.getEntityManager(), o);
        searchIndex.created(o);
        if (blocks != null) {
            blocks.add(o);
        }
        List<OrganizationMatcher.Match> possible = matches.stream().limit(5).toList();
        for (OrganizationMatcher.Match m : possible) {
            review.proposeForNew("ORGANIZATION", o.id, m.organizationId(), m.score(), String.join(", ", m.reasons()));
        }
        return new Created(o, false, possible);
    }

    /**
     * The name blocks of these organizations read at once, for their {@link #createOrMatch(NewOrganization,
     * OrganizationMatcher.Blocks)} one after the other in this transaction (a people file's new companies of
     * one import chunk). One that its create would refuse is left out: its create still refuses it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrganizationMatcher.Blocks readAhead(java.util.Collection<NewOrganization> companies) {
        return readAhead(companies, null, terms -> false);
    }

    /**
     * The same, taking from {@code earlier} what is still as it was read ({@link OrganizationMatcher#readAhead(List,
     * OrganizationMatcher.Blocks, java.util.function.Predicate)}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrganizationMatcher.Blocks readAhead(java.util.Collection<NewOrganization> companies,
                                                OrganizationMatcher.Blocks earlier,
                                                java.util.function.Predicate<java.util.Set<String>> leftAlone) {
        return matcher.readAhead(drafts(companies), earlier, leftAlone);
    }

    /**
     * The same, taking over from {@code earlier} each alike block as {@code takeOver} gives it
     * ({@link OrganizationMatcher#readAhead(List, OrganizationMatcher.Blocks, OrganizationMatcher.TakeOver)}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrganizationMatcher.Blocks readAhead(java.util.Collection<NewOrganization> companies,
                                                OrganizationMatcher.Blocks earlier, OrganizationMatcher.TakeOver takeOver) {
        return readAhead(companies, earlier, takeOver, null);
    }

    /** The same, with the candidates' rows the caller's earlier transactions read and that did not change since. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrganizationMatcher.Blocks readAhead(java.util.Collection<NewOrganization> companies,
                                                OrganizationMatcher.Blocks earlier, OrganizationMatcher.TakeOver takeOver,
                                                OrganizationMatcher.KeptRows kept) {
        return matcher.readAhead(drafts(companies), earlier, takeOver, kept);
    }

    /**
     * Only which organizations are alike by name to these (their alike blocks), read ahead in another
     * transaction for a later {@link #readAhead(java.util.Collection, OrganizationMatcher.Blocks,
     * java.util.function.Predicate)}, which reads the rest itself ({@link OrganizationMatcher#alikeAhead}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrganizationMatcher.Blocks alikeAhead(java.util.Collection<NewOrganization> companies) {
        return matcher.alikeAhead(drafts(companies));
    }

    private List<Organization> drafts(java.util.Collection<NewOrganization> companies) {
        List<Organization> drafts = new ArrayList<>();
        for (NewOrganization r : companies) {
            try {
                drafts.add(validated(r));
            } catch (ProblemException refused) {
                // its own create reports it
            }
        }
        return drafts;
    }

    /**
     * A company that a list names by its name alone (the company column of a people file): the one
     * live organization of that very name (name key) when there is exactly one. A name alone is
     * never a sure match for dedup, but as a reference to a company already in the database it is
     * what the user means; with none, or several namesakes, it goes through {@link #createOrMatch}.
     */
    public Organization named(String name) {
        return uniquelyNamed(name).orElseGet(() -> createOrMatch(new NewOrganization(name, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null)).organization());
    }

    /** The one live organization with this name key, if exactly one has it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<Organization> uniquelyNamed(String name) {
        String key = NameKeys.organization(name);
        if (key.isEmpty()) {
            return java.util.Optional.empty();
        }
        // the organizations a people import chunk created and holds are found as they were (under the column's
        // collation a company of another name key can be the one found: ß and ss)
        QueuedInserts.writeIfHeld(transaction, Organization.getEntityManager(), Organization.class);
        List<Organization> same = Organization.<Organization>find("nameKey = ?1 and mergedInto is null", key)
                .page(0, 2).list();
        return same.size() == 1 ? java.util.Optional.of(same.get(0)) : java.util.Optional.empty();
    }

    /**
     * {@link #uniquelyNamed} of many names at once, by name key (names without one left out): one
     * query for all of them, and one reading the organizations found.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<String, Organization> uniquelyNamed(java.util.Collection<String> names) {
        java.util.Map<String, Long> idOf = uniqueNameKeys(names);
        java.util.Map<String, Organization> unique = new java.util.HashMap<>();
        if (!idOf.isEmpty()) {
            java.util.Map<Long, Organization> byId = new java.util.HashMap<>();
            for (Organization o : Organization.<Organization>list("id in ?1", List.copyOf(new java.util.HashSet<>(idOf.values())))) {
                byId.put(o.id, o);
            }
            // two keys the column's collation holds equal (ß and ss) name the same organization: both keep it
            idOf.forEach((key, id) -> {
                Organization o = byId.get(id);
                if (o != null) {
                    unique.put(key, o);
                }
            });
        }
        return unique;
    }

    /**
     * The name keys of {@link #uniquelyNamed(java.util.Collection)}, in one query, without reading the
     * organizations (an import's read ahead needs only which names are taken).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Set<String> uniquelyNamedKeys(java.util.Collection<String> names) {
        return new java.util.HashSet<>(uniqueNameKeys(names).keySet());
    }

    /** The one live organization of each name key that has exactly one: its id by the name key. */
    private java.util.Map<String, Long> uniqueNameKeys(java.util.Collection<String> names) {
        List<String> keys = names.stream().map(NameKeys::organization).filter(k -> !k.isEmpty()).distinct().toList();
        java.util.Map<String, Long> idOf = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return idOf;
        }
        // each key compared as the single lookup compares it: in the column's own collation. One join with the keys,
        // not a union of one lookup per key, which the database planned one by one (33 ms per chunk's keys against 8)
        String key = "CONVERT(? USING " + nameKeyCollation()[0] + ") COLLATE " + nameKeyCollation()[1];
        String sql = "SELECT t.i, MIN(o.id), COUNT(*) FROM (" + java.util.stream.IntStream.range(0, keys.size())
                .mapToObj(i -> i == 0 ? "SELECT 0 AS i, " + key + " AS k" : "SELECT " + i + ", " + key)
                .collect(java.util.stream.Collectors.joining(" UNION ALL "))
                + ") t JOIN organization o ON o.name_key = t.k WHERE o.merged_into IS NULL GROUP BY t.i";
        QueuedInserts.writeIfHeld(transaction, Organization.getEntityManager(), Organization.class);
        jakarta.persistence.Query query = Organization.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < keys.size(); i++) {
            query.setParameter(i + 1, keys.get(i));
        }
        java.util.Map<Integer, Long> found = new java.util.TreeMap<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            if (((Number) cells[2]).longValue() == 1) {
                found.put(((Number) cells[0]).intValue(), ((Number) cells[1]).longValue());
            }
        }
        found.forEach((i, id) -> idOf.put(keys.get(i), id));
        return idOf;
    }

    /** The character set and collation of {@code organization.name_key}, as the schema has them (read once). */
    private static volatile String[] nameKeyCollation;

    private static String[] nameKeyCollation() {
        String[] known = nameKeyCollation;
        if (known == null) {
            Object[] row = (Object[]) Organization.getEntityManager().createNativeQuery("SELECT CHARACTER_SET_NAME,"
                    + " COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = 'organization' AND COLUMN_NAME = 'name_key'").getSingleResult();
            known = new String[] {(String) row[0], (String) row[1]};
            for (String name : known) {
                if (!name.matches("[A-Za-z0-9_]+")) {
                    throw new IllegalStateException("Unexpected collation of organization.name_key: " + name);
                }
            }
            nameKeyCollation = known;
        }
        return known;
    }

    /** Creates of one company take turns on its strongest key: the credit code, else the name key (an import takes a chunk's at once). */
    public static String lockKey(NewOrganization r) {
        return r.creditCode() != null && !r.creditCode().isBlank()
                ? "cc:" + r.creditCode().replaceAll("\\s", "").toUpperCase(Locale.ROOT)
                : "nk:" + NameKeys.organization(r.name());
    }

    /** Copies into {@code target} what it lacks and {@code source} has (never a registration number). */
    static void fillGaps(Organization target, Organization source) {
        if (target.nameLatin == null) {
            target.nameLatin = source.nameLatin;
        }
        if (target.shortName == null) {
            target.shortName = source.shortName;
        }
        if (target.country == null) {
            target.country = source.country;
        }
        if (target.province == null) {
            target.province = source.province;
        }
        if (target.city == null) {
            target.city = source.city;
        }
        if (target.address == null) {
            target.address = source.address;
        }
        if (target.website == null) {
            target.website = source.website;
            target.domain = target.domain == null ? source.domain : target.domain;
        }
        if (target.phone == null) {
            target.phone = source.phone;
            target.phoneE164 = source.phoneE164;
        }
        if (target.email == null) {
            target.email = source.email;
        }
        if (target.industry == null) {
            target.industry = source.industry;
        }
        if (target.companySize == null) {
            target.companySize = source.companySize;
        }
        if (target.mainBusiness == null) {
            target.mainBusiness = source.mainBusiness;
        }
        if (source.tags != null) {
            target.tags = tags((target.tags == null ? "" : target.tags + ",") + source.tags);
        }
        if (target.ownerId == null) {
            target.ownerId = source.ownerId;
        }
    }

    private Organization validated(NewOrganization r) {
        List<FieldError> errors = new ArrayList<>();
        Organization o = new Organization();
        o.name = FieldChecks.text(r.name(), "name", 300, true, errors);
        o.nameLatin = FieldChecks.text(r.nameLatin(), "nameLatin", 300, false, errors);
        o.shortName = FieldChecks.text(r.shortName(), "shortName", 100, false, errors);
        o.creditCode = r.creditCode() == null || r.creditCode().isBlank() ? null
                : r.creditCode().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (o.creditCode != null && o.creditCode.length() > 64) {
            errors.add(new FieldError("creditCode", "field_tooLong"));
        }
        if (r.country() != null && !r.country().isBlank()) {
            if (!COUNTRY.matcher(r.country().trim()).matches()) {
                errors.add(new FieldError("country", "party_countryInvalid"));
            } else {
                o.country = r.country().trim().toUpperCase(Locale.ROOT);
            }
        }
        o.province = FieldChecks.text(r.province(), "province", 100, false, errors);
        o.city = FieldChecks.text(r.city(), "city", 100, false, errors);
        o.address = FieldChecks.text(r.address(), "address", 500, false, errors);
        o.website = FieldChecks.text(r.website(), "website", 300, false, errors);
        o.domain = domainOf(o.website, errors);
        o.email = email(r.email(), "email", errors);
        if (o.domain == null && o.email != null) {
            o.domain = o.email.substring(o.email.indexOf('@') + 1);
        }
        o.phone = FieldChecks.text(r.phone(), "phone", 50, false, errors);
        o.phoneE164 = Phones.e164(o.phone, o.country, "phone", errors);
        o.industry = FieldChecks.text(r.industry(), "industry", 100, false, errors);
        o.companySize = FieldChecks.text(r.companySize(), "companySize", 20, false, errors);
        o.mainBusiness = FieldChecks.text(r.mainBusiness(), "mainBusiness", 10_000, false, errors);
        o.tags = tags(r.tags());
        o.notes = FieldChecks.text(r.notes(), "notes", 20_000, false, errors);
        if (r.owner() != null && !r.owner().isBlank()) {
            o.ownerId = users.findStaff(r.owner()).map(u -> u.id).orElseGet(() -> {
                errors.add(new FieldError("owner", "task_unknownStaff"));
                return null;
            });
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        o.nameKey = NameKeys.organization(o.name);
        return o;
    }

    /** An edit: {@code null} leaves a field as it is, an empty text clears it; {@code version} must be current. */
    public record OrganizationChanges(Long version, String name, String nameLatin, String shortName, String creditCode,
                                      String country, String province, String city, String address, String website,
                                      String email, String phone, String industry, String companySize,
                                      String mainBusiness, String tags, String notes, String owner,
                                      String creditStatus) {
    }

    /**
     * Edits an organization with the same checks as a create. An edit that makes it look like
     * another record puts the pair in the review queue; it never merges by itself.
     */
    public Organization update(long id, OrganizationChanges c) {
        lock(id);
        Organization o = get(id);
        if (o.mergedInto != null) {
            throw ProblemException.conflict("party_mergedAway");
        }
        if (c.version() == null || c.version() != o.version) {
            throw ProblemException.conflict("party_changedMeanwhile");
        }
        List<FieldError> errors = new ArrayList<>();
        String credit = c.creditStatus() == null ? o.creditStatus : creditStatus(c.creditStatus(), errors);
        Organization v;
        try {
            v = validated(new NewOrganization(or(c.name(), o.name), or(c.nameLatin(), o.nameLatin),
                    or(c.shortName(), o.shortName), or(c.creditCode(), o.creditCode), or(c.country(), o.country),
                    or(c.province(), o.province), or(c.city(), o.city), or(c.address(), o.address),
                    or(c.website(), o.website), or(c.email(), o.email), or(c.phone(), o.phone),
                    or(c.industry(), o.industry), or(c.companySize(), o.companySize), or(c.mainBusiness(), o.mainBusiness),
                    or(c.tags(), o.tags), or(c.notes(), o.notes), c.owner()));
        } catch (ProblemException refused) {
            // one answer with every field's error, the credit status's too
            errors.addAll(0, refused.problem().errors() == null ? List.of() : refused.problem().errors());
            throw ProblemException.invalid(errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (c.owner() != null) {
            o.ownerId = v.ownerId;
        }
        o.creditStatus = credit;
        String identityBefore = identity(o);
        o.name = v.name;
        o.nameLatin = v.nameLatin;
        o.shortName = v.shortName;
        o.creditCode = v.creditCode;
        o.country = v.country;
        o.province = v.province;
        o.city = v.city;
        o.address = v.address;
        o.website = v.website;
        o.domain = v.domain;
        o.email = v.email;
        o.phone = v.phone;
        o.phoneE164 = v.phoneE164;
        o.industry = v.industry;
        o.companySize = v.companySize;
        o.mainBusiness = v.mainBusiness;
        o.tags = v.tags;
        o.notes = v.notes;
        o.nameKey = v.nameKey;
        if (!identityBefore.equals(identity(o))) {
            // in either order, and never again once someone said the two are different
            for (OrganizationMatcher.Match m : matcher.matches(o).stream().limit(5).toList()) {
                review.proposeOnce("ORGANIZATION", o.id, m.organizationId(), m.score(), String.join(", ", m.reasons()),
                        m.verdict() == OrganizationMatcher.Verdict.SURE);
            }
        }
        return o;
    }

    /** What dedup looks at: when none of it changes, an edit cannot create a new likeness. */
    private static String identity(Organization o) {
        return String.join("|", String.valueOf(o.nameKey), String.valueOf(o.nameLatin), String.valueOf(o.creditCode),
                String.valueOf(o.domain), String.valueOf(o.phoneE164), String.valueOf(o.city), String.valueOf(o.country));
    }

    /** A credit status by name, or none for an empty text; anything else is a field error. */
    private static String creditStatus(String value, List<FieldError> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return CreditStatus.valueOf(value.trim().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("creditStatus", "party_creditStatusInvalid"));
            return null;
        }
    }

    private static String or(String change, String current) {
        return change == null ? current : change;
    }

    private void lock(long id) {
        QueuedInserts.writeIfHeld(transaction, Organization.getEntityManager(), Organization.class);
        Organization.getEntityManager().createNativeQuery("SELECT id FROM organization WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
    }

    /** Screening (客户甄别): verified or rejected, with the reason and who decided. */
    public Organization screen(long id, Verification verdict, String reason, String by) {
        Organization o = get(id);
        if (verdict == null) {
            throw ProblemException.invalid("status", "party_verificationInvalid");
        }
        if (verdict == Verification.REJECTED && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "task_reasonRequired");
        }
        o.verification = verdict;
        o.verificationReason = reason == null || reason.isBlank() ? null : reason.trim();
        o.verifiedBy = by;
        o.verifiedAt = Instant.now(clock);
        return o;
    }

    /** A live organization: there, and not merged into another. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(long organizationId) {
        // a select, not a count: Hibernate translates a count query anew on every call, a select once; a company a
        // people import chunk created and holds is there (a known person moved to it)
        QueuedInserts.writeIfHeld(transaction, Organization.getEntityManager(), Organization.class);
        return !Organization.getEntityManager().createQuery(
                        "select o.id from Organization o where o.id = ?1 and o.mergedInto is null", Long.class)
                .setParameter(1, organizationId).getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Organization get(long id) {
        Organization o = Organization.findById(id);
        if (o == null) {
            throw ProblemException.notFound("Organization");
        }
        return o;
    }

    public record Listing(List<Organization> items, long total) {
    }

    /** Organizations by country and screening, newest first; all filters optional. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing list(String country, Verification verification, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (country != null && !country.isBlank()) {
            where.add("country = :country");
            params.and("country", country.trim().toUpperCase(Locale.ROOT));
        }
        if (verification != null) {
            where.add("verification = :verification");
            params.and("verification", verification);
        }
        where.add("mergedInto is null");
        var query = Organization.<Organization>find(String.join(" and ", where), Sort.descending("id"), params.map());
        return new Listing(query.page(Page.of(page, size)).list(), query.count());
    }

    static String email(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.trim().toLowerCase(Locale.ROOT);
        if (!FieldChecks.isEmail(email)) {
            errors.add(new FieldError(field, "user_email_invalid"));
            return null;
        }
        return email;
    }

    static String tags(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (String t : value.split("[,，;；]")) {
            String tag = t.trim().toLowerCase(Locale.ROOT);
            if (!tag.isEmpty() && !tags.contains(tag)) {
                tags.add(tag);
            }
        }
        String joined = String.join(",", tags);
        return joined.length() > 500 ? joined.substring(0, 500) : joined;
    }

    private static String domainOf(String website, List<FieldError> errors) {
        if (website == null) {
            return null;
        }
        try {
            String withScheme = website.contains("://") ? website : "https://" + website;
            String host = URI.create(withScheme).getHost();
            if (host == null) {
                errors.add(new FieldError("website", "task_linkInvalid"));
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("website", "task_linkInvalid"));
            return null;
        }
    }
}
