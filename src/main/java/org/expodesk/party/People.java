package org.expodesk.party;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.party.dedup.KeyLocks;
import org.expodesk.party.dedup.PersonMatcher;
import org.expodesk.party.dedup.ReviewQueue;
import org.expodesk.platform.db.QueuedInserts;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** People of the customer database, and the companies they work for over time. */
@ApplicationScoped
@Transactional
public class People {

    @Inject
    Clock clock;

    @Inject
    Organizations organizations;

    @Inject
    PersonMatcher matcher;

    @Inject
    ReviewQueue review;

    @Inject
    KeyLocks keyLocks;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transaction;

    /** The key of the employments a transaction holds back ({@link #holdEmploymentsUntilCommit}). */
    private static final String HELD = People.class.getName() + ".employments";

    /** {@code email} and {@code phone} are the primary ones; {@code emails} and {@code phones} more of them. */
    public record NewPerson(String familyName, String givenName, Boolean easternOrder, String jobTitle, String email,
                            String phone, Long organization, String language, String tags, List<String> emails,
                            List<String> phones) {

        public NewPerson(String familyName, String givenName, Boolean easternOrder, String jobTitle, String email,
                         String phone, Long organization, String language, String tags) {
            this(familyName, givenName, easternOrder, jobTitle, email, phone, organization, language, tags, null, null);
        }
    }

    /** The outcome of a create: a new record, or the existing one it was recognised as. */
    public record Created(Person person, boolean existing, List<PersonMatcher.Match> possible) {
    }

    /** A checked, unsaved person with its further e-mails and phones. */
    private record Draft(Person person, List<String> emails, List<PersonContact> phones) {
    }

    public Person create(NewPerson r) {
        return createOrMatch(r).person();
    }

    /**
     * Creates a person unless they surely are one already there (same e-mail; same phone and a
     * like name): then the existing record gets what it lacked and is returned instead. Likely
     * matches go to the review queue.
     */
    public Created createOrMatch(NewPerson r) {
        return createOrMatch(r, null);
    }

    /** The same, with the blocks of a whole import chunk read ahead ({@code null}: none), kept up to date here. */
    public Created createOrMatch(NewPerson r, PersonMatcher.Blocks blocks) {
        // first statement of the transaction: a second create of the same person waits here
        keyLocks.lock(lockKey(r));
        Draft d = validated(r);
        // the best five: the one taken if sure, else those proposed for review
        List<PersonMatcher.Match> matches = matcher.matches(d.person(), allEmails(d), allPhones(d), blocks, 5);
        if (!matches.isEmpty() && matches.get(0).verdict() == PersonMatcher.Verdict.SURE) {
            Person existing = matches.get(0).person();
            fillGaps(existing, d);
            if (blocks != null) {
                blocks.add(existing, allEmails(d), allPhones(d));
            }
            return new Created(existing, true, List.of());
        }
        Person p = d.person();
        p.persist();
        QueuedInserts.writeUnlessHeld(transaction, Person.getEntityManager());
        if (p.organizationId != null) {
            startEmployment(p, p.organizationId, p.jobTitle);
        }
        List<PersonContact> further = new ArrayList<>();
        for (String email : d.emails()) {
            further.add(addContact(p, PersonContact.EMAIL, email, null));
        }
        for (PersonContact phone : d.phones()) {
            further.add(addContact(p, PersonContact.PHONE, phone.value, phone.e164));
        }
        if (blocks != null) {
            blocks.addNew(p, allEmails(d), allPhones(d), further);
        }
        List<PersonMatcher.Match> possible = matches.stream().limit(5).toList();
        for (PersonMatcher.Match m : possible) {
            review.proposeForNew("PERSON", p.id, m.person().id, m.score(), String.join(", ", m.reasons()));
        }
        return new Created(p, false, possible);
    }

    /**
     * Creates the person as given, without looking for them among those known and without their key lock: a
     * registrant, whom the registration deduplicates after its commit (docs/adr/0024). Refused as a create is.
     */
    public Person createUnmatched(NewPerson r) {
        Draft d = validated(r);
        Person p = d.person();
        p.persist();
        QueuedInserts.writeUnlessHeld(transaction, Person.getEntityManager());
        if (p.organizationId != null) {
            startEmployment(p, p.organizationId, p.jobTitle);
        }
        for (String email : d.emails()) {
            addContact(p, PersonContact.EMAIL, email, null);
        }
        for (PersonContact phone : d.phones()) {
            addContact(p, PersonContact.PHONE, phone.value, phone.e164);
        }
        return p;
    }

    /** Creates of one person take turns on their e-mail address, else their name key (an import takes a chunk's at once). */
    public static String lockKey(NewPerson r) {
        return r.email() != null && !r.email().isBlank() ? "pe:" + r.email().trim().toLowerCase(Locale.ROOT)
                : "pn:" + NameKeys.person(r.familyName(), r.givenName());
    }

    private Draft validated(NewPerson r) {
        List<FieldError> errors = new ArrayList<>();
        Person p = new Person();
        p.familyName = FieldChecks.text(r.familyName(), "familyName", 100, true, errors);
        p.givenName = FieldChecks.text(r.givenName(), "givenName", 100, false, errors);
        p.easternOrder = r.easternOrder() != null ? r.easternOrder() : looksEastern(r.familyName());
        p.jobTitle = FieldChecks.text(r.jobTitle(), "jobTitle", 200, false, errors);
        p.email = Organizations.email(r.email(), "email", errors);
        p.phone = FieldChecks.text(r.phone(), "phone", 50, false, errors);
        String country = null;
        if (r.organization() != null) {
            // one read, and none for a company this transaction has already read (an import's chunk)
            Organization organization = Organization.findById(r.organization());
            if (organization != null && organization.mergedInto == null) {
                country = organization.country;
            } else {
                errors.add(new FieldError("organization", "party_organizationUnknown"));
            }
        }
        p.organizationId = r.organization();
        p.phoneE164 = Phones.e164(p.phone, country, "phone", errors);
        if (r.language() != null && !r.language().isBlank()) {
            p.language = Locale.forLanguageTag(r.language().trim()).toLanguageTag();
        }
        p.tags = Organizations.tags(r.tags());
        Set<String> emails = new LinkedHashSet<>();
        for (String e : r.emails() == null ? List.<String>of() : r.emails()) {
            String email = Organizations.email(e, "emails", errors);
            if (email != null && !email.equals(p.email)) {
                emails.add(email);
            }
        }
        List<PersonContact> phones = new ArrayList<>();
        for (String typed : r.phones() == null ? List.<String>of() : r.phones()) {
            String text = FieldChecks.text(typed, "phones", 50, false, errors);
            String e164 = Phones.e164(text, country, "phones", errors);
            if (e164 != null && !e164.equals(p.phoneE164) && phones.stream().noneMatch(x -> x.e164.equals(e164))) {
                PersonContact c = new PersonContact();
                c.value = text;
                c.e164 = e164;
                phones.add(c);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        p.nameKey = NameKeys.person(p.familyName, p.givenName);
        return new Draft(p, List.copyOf(emails), phones);
    }

    private static List<String> allEmails(Draft d) {
        List<String> all = new ArrayList<>(d.emails());
        if (d.person().email != null) {
            all.add(0, d.person().email);
        }
        return all;
    }

    private static List<String> allPhones(Draft d) {
        List<String> all = new ArrayList<>(d.phones().stream().map(c -> c.e164).toList());
        if (d.person().phoneE164 != null) {
            all.add(0, d.person().phoneE164);
        }
        return all;
    }

    /** Copies into {@code target} what it lacks; e-mails and phones it does not know become further ones. */
    private void fillGaps(Person target, Draft d) {
        Person source = d.person();
        if (target.givenName == null && source.givenName != null) {
            target.givenName = source.givenName;
            target.nameKey = NameKeys.person(target.familyName, target.givenName);
        }
        if (target.jobTitle == null) {
            target.jobTitle = source.jobTitle;
        }
        if (target.language == null) {
            target.language = source.language;
        }
        if (source.tags != null) {
            target.tags = Organizations.tags((target.tags == null ? "" : target.tags + ",") + source.tags);
        }
        if (target.organizationId == null && source.organizationId != null) {
            target.organizationId = source.organizationId;
            startEmployment(target, source.organizationId, target.jobTitle);
        }
        // the further contacts read once for both kinds (the e-mails added below change no phone)
        List<PersonContact> own = target.id == null ? List.of() : contacts(target.id);
        Set<String> knownEmails = new LinkedHashSet<>(emailsOf(target, own));
        for (String email : allEmails(d)) {
            if (target.email == null) {
                target.email = email;
            } else if (!knownEmails.contains(email)) {
                addContact(target, PersonContact.EMAIL, email, null);
            }
            knownEmails.add(email);
        }
        Set<String> knownPhones = new LinkedHashSet<>(phonesOf(target, own));
        List<PersonContact> phones = new ArrayList<>();
        if (source.phoneE164 != null) {
            PersonContact primary = new PersonContact();
            primary.value = source.phone;
            primary.e164 = source.phoneE164;
            phones.add(primary);
        }
        phones.addAll(d.phones());
        for (PersonContact phone : phones) {
            if (target.phone == null) {
                target.phone = phone.value;
                target.phoneE164 = phone.e164;
            } else if (!knownPhones.contains(phone.e164)) {
                addContact(target, PersonContact.PHONE, phone.value, phone.e164);
            }
            knownPhones.add(phone.e164);
        }
    }

    /** Adds a further e-mail address or phone, checked like the primary ones; one already known is kept once. */
    public PersonContact addContact(long personId, String kind, String value) {
        Person p = live(personId);
        List<FieldError> errors = new ArrayList<>();
        String k = kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT);
        if (PersonContact.EMAIL.equals(k)) {
            String email = Organizations.email(value, "value", errors);
            if (email == null && errors.isEmpty()) {
                errors.add(new FieldError("value", "field_required"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return emailsOf(p).contains(email) ? null : addContact(p, k, email, null);
        }
        if (PersonContact.PHONE.equals(k)) {
            String text = FieldChecks.text(value, "value", 50, true, errors);
            String country = p.organizationId == null ? null : organizations.get(p.organizationId).country;
            String e164 = Phones.e164(text, country, "value", errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return phonesOf(p).contains(e164) ? null : addContact(p, k, text, e164);
        }
        throw ProblemException.invalid("kind", "party_choiceInvalid");
    }

    private static PersonContact addContact(Person p, String kind, String value, String e164) {
        PersonContact c = new PersonContact();
        c.personId = p.id;
        c.kind = kind;
        c.value = value;
        c.e164 = e164;
        c.persist();
        return c;
    }

    /**
     * An edit of a person's own fields: {@code null} leaves a field as it is, an empty text clears
     * it; {@code version} must be current. The company changes through {@link #changeOrganization}
     * (it keeps a history). An edit that makes the person look like another queues the pair.
     */
    public record PersonChanges(Long version, String familyName, String givenName, Boolean easternOrder,
                                String jobTitle, String email, String phone, String language, String tags) {
    }

    public Person update(long id, PersonChanges c) {
        Person.getEntityManager().createNativeQuery("SELECT id FROM person WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        Person p = live(id);
        if (c.version() == null || c.version() != p.version) {
            throw ProblemException.conflict("party_changedMeanwhile");
        }
        Person v = validated(new NewPerson(or(c.familyName(), p.familyName), or(c.givenName(), p.givenName),
                c.easternOrder() != null ? c.easternOrder() : p.easternOrder, or(c.jobTitle(), p.jobTitle),
                or(c.email(), p.email), or(c.phone(), p.phone), p.organizationId, or(c.language(), p.language),
                or(c.tags(), p.tags))).person();
        String before = String.join("|", p.nameKey, String.valueOf(p.email), String.valueOf(p.phoneE164));
        p.familyName = v.familyName;
        p.givenName = v.givenName;
        p.easternOrder = v.easternOrder;
        p.jobTitle = v.jobTitle;
        p.email = v.email;
        p.phone = v.phone;
        p.phoneE164 = v.phoneE164;
        p.language = v.language;
        p.tags = v.tags;
        p.nameKey = v.nameKey;
        if (!before.equals(String.join("|", p.nameKey, String.valueOf(p.email), String.valueOf(p.phoneE164)))) {
            // in either order, never again once someone said the two are different, never merged by itself
            for (PersonMatcher.Match m : matcher.matches(p).stream().limit(5).toList()) {
                review.proposeOnce("PERSON", p.id, m.person().id, m.score(), String.join(", ", m.reasons()),
                        m.verdict() == PersonMatcher.Verdict.SURE);
            }
        }
        return p;
    }

    private static String or(String change, String current) {
        return change == null ? current : change;
    }

    /** The person now works for another company (or none); the old employment ends today. */
    public Person changeOrganization(long personId, Long organizationId, String jobTitle) {
        Person p = live(personId);
        if (organizationId != null && !organizations.exists(organizationId)) {
            throw ProblemException.invalid("organization", "party_organizationUnknown");
        }
        LocalDate today = LocalDate.now(clock);
        writeHeldEmployments();
        Employment.update("untilDay = ?1 where personId = ?2 and untilDay is null", today, personId);
        p.organizationId = organizationId;
        if (jobTitle != null && !jobTitle.isBlank()) {
            p.jobTitle = jobTitle.trim();
        }
        if (organizationId != null) {
            startEmployment(p, organizationId, p.jobTitle);
        }
        return p;
    }

    private void startEmployment(Person p, long organizationId, String jobTitle) {
        Employment e = new Employment();
        e.personId = p.id;
        e.organizationId = organizationId;
        e.jobTitle = jobTitle;
        e.fromDay = LocalDate.now(clock);
        org.expodesk.platform.db.HeldUntilCommit<Employment> held =
                org.expodesk.platform.db.HeldUntilCommit.current(transaction, HELD);
        if (held != null) {
            held.add(e);
            return;
        }
        e.persist();
    }

    /**
     * The caller's transaction holds the inserts of the people and organizations it creates until it flushes, and
     * Hibernate then writes them in batches of {@code batch} (ADR 0029). Nothing may read them back before with plain
     * SQL or a query that does not write them first ({@link QueuedInserts#write}; the person and organization
     * matchers' reads and {@link Organizations}' lookups do).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdInsertsUntilFlush(int batch) {
        QueuedInserts.holdUntilFlush(transaction, Person.getEntityManager(), batch);
    }

    /**
     * The caller's transaction writes the employments its new people start in one batch before it
     * commits (an import chunk starts hundreds; with {@code AUTO_INCREMENT} ids Hibernate writes each
     * alone). Nothing reads them back before: a change of company writes them first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdEmploymentsUntilCommit() {
        org.expodesk.platform.db.HeldUntilCommit.<Employment>start(transaction, HELD, this::insert);
    }

    private void insert(List<Employment> employments) {
        // their people first: an import chunk holds its new people's inserts until it flushes
        QueuedInserts.write(Person.getEntityManager());
        try (java.sql.Connection connection = dataSource.getConnection()) {
            org.expodesk.platform.db.MultiRowInsert.write(connection, "INSERT INTO employment (person_id,"
                    + " organization_id, job_title, from_day, until_day)", "", employments,
                    e -> new Object[]{e.personId, e.organizationId, e.jobTitle, e.fromDay, e.untilDay});
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not write the employments", e);
        }
    }

    /** Writes the employments this transaction holds back, before anything reads or changes them. */
    private void writeHeldEmployments() {
        org.expodesk.platform.db.HeldUntilCommit<Employment> held =
                org.expodesk.platform.db.HeldUntilCommit.current(transaction, HELD);
        if (held != null) {
            held.flush();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Person get(long id) {
        Person p = Person.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Person");
        }
        return p;
    }

    /** A person that takes new history: there, not merged into another, and not erased on request. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Person live(long id) {
        Person p = get(id);
        if (p.mergedInto != null) {
            throw ProblemException.conflict("party_mergedAway");
        }
        if (Privacy.isErased(p)) {
            throw ProblemException.conflict("party_erasedNoChange");
        }
        return p;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Person> of(long organizationId) {
        return Person.list("organizationId = ?1 and mergedInto is null", Sort.ascending("familyName", "givenName"),
                organizationId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Employment> employments(long personId) {
        writeHeldEmployments();
        return Employment.list("personId", Sort.descending("fromDay", "id"), personId);
    }

    /** The further e-mails and phones, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonContact> contacts(long personId) {
        return PersonContact.list("personId", Sort.ascending("id"), personId);
    }

    /** Every e-mail address of the person, the primary first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> emailsOf(Person p) {
        return emailsOf(p, p.id == null ? List.of() : contacts(p.id));
    }

    private static List<String> emailsOf(Person p, List<PersonContact> further) {
        List<String> all = new ArrayList<>();
        if (p.email != null) {
            all.add(p.email);
        }
        further.stream().filter(c -> PersonContact.EMAIL.equals(c.kind)).forEach(c -> all.add(c.value));
        return all;
    }

    /** Every phone of the person in E.164, the primary first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> phonesOf(Person p) {
        return phonesOf(p, p.id == null ? List.of() : contacts(p.id));
    }

    private static List<String> phonesOf(Person p, List<PersonContact> further) {
        List<String> all = new ArrayList<>();
        if (p.phoneE164 != null) {
            all.add(p.phoneE164);
        }
        further.stream().filter(c -> PersonContact.PHONE.equals(c.kind) && c.e164 != null).forEach(c -> all.add(c.e164));
        return all;
    }

    /** A name starting with a Han, Hangul or kana character is written family name first. */
    static boolean looksEastern(String familyName) {
        if (familyName == null || familyName.isBlank()) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(familyName.trim().codePointAt(0));
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }

}
