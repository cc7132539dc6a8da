package org.expodesk.registration;

import org.expodesk.badge.Badge;
import org.expodesk.badge.BadgePdfAttachments;
import org.expodesk.badge.BadgePdfs;
import org.expodesk.badge.Badges;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.audit.AuditLog;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.mail.MailRequest;
import org.expodesk.mail.MailTemplates;
import org.expodesk.mail.Outbox;
import org.expodesk.party.Consent;
import org.expodesk.party.Consents;
import org.expodesk.party.Contacts;
import org.expodesk.party.Organizations;
import org.expodesk.party.PartyRef;
import org.expodesk.party.SearchIndex;
import org.expodesk.party.People;
import org.expodesk.party.Person;
import org.expodesk.party.Privacy;
import org.expodesk.party.dedup.KeyLocks;
import org.expodesk.platform.db.QueuedInserts;
import org.expodesk.platform.db.SqlErrors;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.i18n.Messages;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Public registration of visitors and buyers (docs/registration.md): validated, the registrant stored as
 * typed, counted against capacity under a row lock, consents recorded and the mail queued, all in one
 * transaction; the registrant is deduplicated into the customer database after the commit
 * ({@link RegistrantDedup}, ADR 0024). A second submit of the same address finds the first registration.
 */
@ApplicationScoped
@Transactional
public class Registrations {

    /** The consent checkboxes: terms must be accepted; the other two are the registrant's choice. */
    public record ConsentChoice(Boolean terms, Boolean leadSharing, Boolean marketing) {
    }

    /** What a registrant sends; {@code answers} maps a question code to text or a list of choices. */
    public record NewRegistration(String category, String firstName, String lastName, String email,
                                  String organization, String country, Map<String, Object> answers,
                                  ConsentChoice consent, List<String> days, String invitationCode, String language,
                                  String idempotencyKey) {
    }

    /** The registration, and whether it was there before this submit. */
    /**
     * {@code existing}: the person was registered already; {@code sameClient}: and this is a repeat of
     * the very submit (same idempotency key and address), which may see the registration again; anyone
     * else who types a registered address learns nothing more than that it is. {@code category}: the
     * registration's category when this submit made it ({@code null} otherwise: the caller reads it).
     */
    public record Outcome(Registration registration, boolean existing, boolean sameClient,
                          RegistrationCategory category) {

        Outcome(Registration registration, boolean existing, boolean sameClient) {
            this(registration, existing, sameClient, null);
        }
    }

    public static final String CHANNEL = "WEB_FORM";
    public static final String DESK_CHANNEL = "ON_SITE";
    static final String RECORDED_BY = "registration";

    /** A submit that lost to another of the same address or key twice in a row is very unlikely; three is ample. */
    private static final int ATTEMPTS = 3;

    @Inject
    Registrations self;

    @Inject
    SubmitQueue submits;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transaction;

    @Inject
    KeyLocks keyLocks;

    @Inject
    AuditLog auditLog;

    @Inject
    SearchIndex searchIndex;

    @Inject
    People people;

    @Inject
    RegistrantDedupQueue dedup;

    @Inject
    Organizations organizations;

    @Inject
    Contacts contacts;

    @Inject
    Consents consents;

    @Inject
    PlaceCounters counters;

    @Inject
    Questions questions;

    @Inject
    EditionSetups setups;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates mailTemplates;

    @Inject
    Badges badges;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "expodesk.registration.consent-text-version")
    String consentTextVersion;

    /** The edition a public code names; 404 for none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Exhibition edition(String code) {
        return exhibitions.byCode(code);
    }

    /**
     * The edition a public code names, for a submit: as this node read it last, for at most a minute ({@code null}
     * code or none: 404). Not trusted by itself: the submit's first read, in its transaction, carries the edition's
     * row version and code, and a submit whose kept edition is no longer so reads it again there
     * ({@link #register(long, Exhibition, NewRegistration, String, long)}), so a change counts from the next submit.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Exhibition editionToRegister(String code) {
        String key = code == null ? "" : code.trim();
        KeptEdition kept = keptEditions.get(key);
        if (kept != null && System.nanoTime() - kept.readAtNanos() < EDITION_MAX_AGE_NANOS) {
            return kept.edition();
        }
        Exhibition edition = exhibitions.byCode(code);
        keptEditions.put(key, new KeptEdition(edition, System.nanoTime()));
        return edition;
    }

    private record KeptEdition(Exhibition edition, long readAtNanos) {
    }

    /** As ADR 0023's kept set-up: a write the version does not show (SQL by hand) counts within a minute. */
    private static final long EDITION_MAX_AGE_NANOS = java.time.Duration.ofMinutes(1).toNanos();

    /** By code as the caller gave it, trimmed; few editions take registrations at once. */
    private final java.util.concurrent.ConcurrentMap<String, KeptEdition> keptEditions =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The category an invitation code opens, while it has uses left. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RegistrationCategory> invitationCategory(long exhibitionId, String code) {
        return Invitation.<Invitation>find("exhibitionId = ?1 and code = ?2", exhibitionId,
                        code.trim().toUpperCase(Locale.ROOT)).firstResultOptional()
                .filter(i -> !i.isUsedUp()).map(i -> RegistrationCategory.<RegistrationCategory>findById(i.categoryId));
    }

    /**
     * Registers a person for an edition whose settings exist ({@link RegistrationDefaults#ensure}).
     * Refused with field errors (400), a closed window or category (422), or no place left (409).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Outcome register(long exhibitionId, NewRegistration r) {
        return attempts(exhibitionId, null, r, null);
    }

    /**
     * The same for the edition the caller has just read (by its public code), which is not read again. Decided with the
     * other public submits of the moment in one transaction ({@link SubmitQueue}, ADR 0031), or alone as before: one
     * with an invitation code (its code's lock and uses), or one its batch could not decide.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Outcome register(Exhibition exhibition, NewRegistration r) {
        if ((r.invitationCode() == null || r.invitationCode().isBlank()) && submits.running()) {
            Optional<SubmitQueue.Decided> decided = submits.decide(new SubmitQueue.Queued(exhibition, r,
                    auditLog.who(), badges.reserveId()));
            if (decided.isPresent()) {
                return decided.get().outcomeOrThrow();
            }
        }
        return attempts(exhibition.id, exhibition, r, null);
    }

    /**
     * Public submits decided together, in one transaction and in their order (ADR 0031), each as {@link #register}
     * decides it alone: found registered, refused before it wrote anything, or registered. Each kind of record goes
     * out in one statement for them all: their people, then their badges, then their registrations (Hibernate sends a
     * batch per run of one kind), their consents, their rows for the deduplication after the commit; their audit
     * entries and search terms as every submit's, in one statement each at the commit. Anything that fails once a
     * submit has started writing rolls the batch back, and its caller decides each alone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Optional<SubmitQueue.Decided>> registerTogether(List<SubmitQueue.Queued> submitted) {
        auditLog.holdUntilCommit();
        searchIndex.holdUntilCommit();
        QueuedInserts.holdUntilFlush(transaction, Registration.getEntityManager(), Math.max(1, submitted.size()));
        List<Optional<SubmitQueue.Decided>> answers = new ArrayList<>(submitted.size());
        List<SettingsAndEarlier> readFirst = readTogether(submitted);
        List<Going> candidates = new ArrayList<>();
        for (int i = 0; i < submitted.size(); i++) {
            SubmitQueue.Queued q = submitted.get(i);
            auditLog.actAs(q.who());
            answers.add(Optional.empty());
            try {
                Object prepared = prepare(q.edition().id, q.edition(), q.registration(), null, readFirst.get(i));
                if (prepared instanceof Outcome found) {
                    answers.set(i, Optional.of(new SubmitQueue.Decided(found, null)));
                } else {
                    candidates.add(new Going(i, q, (Checked) prepared));
                }
            } catch (ProblemException refused) {
                answers.set(i, Optional.of(new SubmitQueue.Decided(null, refused)));
            }
        }
        failIfMarkedForRollback();
        // the places next, in arrival order, so that a full category refuses before the submit writes anything; the
        // batch's counter rows locked first, in one order for every batch
        Map<RegistrationCategory, java.util.Set<LocalDate>> places = new HashMap<>();
        candidates.forEach(g -> places.computeIfAbsent(g.checked.category(), k -> new java.util.TreeSet<>())
                .addAll(g.checked.days()));
        counters.lockAhead(places);
        List<Going> going = new ArrayList<>(candidates.size());
        for (Going g : candidates) {
            Optional<String> full = counters.takeOrRefuse(g.checked.category(), g.checked.days());
            if (full.isPresent()) {
                answers.set(g.at, Optional.of(new SubmitQueue.Decided(null, ProblemException.conflict(full.get()))));
            } else {
                going.add(g);
            }
        }
        // each kind of record persisted for all of them before the next kind, so that Hibernate sends one batch a kind
        for (Going g : going) {
            auditLog.actAs(g.submit.who());
            g.person = people.createUnmatched(g.checked.newPerson());
        }
        for (Going g : going) {
            auditLog.actAs(g.submit.who());
            g.registration = registrationOf(g.checked, g.person.id, null);
            g.badge = g.registration.status == RegistrationStatus.CONFIRMED ? issueBadge(g.registration, g.person,
                    g.checked.category(), true, g.submit.badgeId()) : null;
        }
        List<Consents.OfPerson> consentsGiven = new ArrayList<>(going.size());
        List<long[]> toDeduplicate = new ArrayList<>(going.size());
        List<MailRequest> mails = new ArrayList<>(going.size());
        for (Going g : going) {
            Checked c = g.checked;
            auditLog.actAs(g.submit.who());
            g.registration.persist();
            consentsGiven.add(new Consents.OfPerson(g.person.id, consentsOf(c.submitted().consent(), c.now(), CHANNEL),
                    g.submit.who()));
            toDeduplicate.add(new long[] {g.registration.id, g.person.id});
            mails.add(g.badge != null ? confirmation(g.registration, g.person, c.category(), c.exhibition(), g.badge)
                    : mailRequest(g.registration, g.person, c.category(), c.exhibition(), "registration-received", null,
                    null));
            answers.set(g.at, Optional.of(new SubmitQueue.Decided(new Outcome(g.registration, false, true,
                    c.category()), null)));
        }
        // the people, badges and registrations now, as the consents and queue rows refer to them
        QueuedInserts.write(Registration.getEntityManager());
        consents.recordAll(consentsGiven, RECORDED_BY);
        dedup.queueAll(toDeduplicate);
        outbox.enqueueAll(mails);
        failIfMarkedForRollback();
        return answers;
    }

    /** A submit of a batch on its way to be registered: where its answer goes, and its records as they are made. */
    private static final class Going {
        final int at;
        final SubmitQueue.Queued submit;
        final Checked checked;
        Person person;
        Registration registration;
        Badges.Issued badge;

        Going(int at, SubmitQueue.Queued submit, Checked checked) {
            this.at = at;
            this.submit = submit;
            this.checked = checked;
        }
    }

    /**
     * A batch some bean marked for rollback (an exception out of it, even one caught here: a refusal by another
     * feature's service) would be rolled back at its end without a word, its submits answered as registered: it
     * fails instead, and each submit is decided alone.
     */
    private void failIfMarkedForRollback() {
        if (transaction.getRollbackOnly()) {
            throw new BatchMarkedForRollback();
        }
    }

    /** A batch of submits that cannot commit: each is decided alone (SubmitQueue). */
    static final class BatchMarkedForRollback extends RuntimeException {
        BatchMarkedForRollback() {
            super("the batch's transaction was marked for rollback", null, false, false);
        }
    }

    /**
     * A walk-in registered by staff at the desk on site (docs/registration.md): the registration window
     * does not apply, the category's questions are not asked, and the person stood in front of staff, so
     * a buyer is verified by {@code staff} at once and the badge is valid now. Capacity still holds.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Outcome registerAtDesk(long exhibitionId, NewRegistration r, String staff) {
        return attempts(exhibitionId, null, r, staff);
    }

    /**
     * A submit in a transaction of its own, tried again when another submit of the same address or key got its
     * registration in first ({@code uk_registration_email}, {@code uk_registration_idempotency}): the losing
     * transaction is rolled back whole (its person, consents, badge, mail and audit entries with it), and the next
     * attempt reads the winner's registration as a submit after it would. A deadlock between submits waiting on the
     * same key (InnoDB's, when the first of three rolls back) is tried again alike.
     */
    private Outcome attempts(long exhibitionId, Exhibition known, NewRegistration r, String deskStaff) {
        // the badge's id is taken before the transaction (ADR 0026; a new block of ids is now reserved on a pool of
        // its own, ADR 0029, so this no longer guards the default pool); an attempt rolled back leaves the id unused,
        // and the next attempt uses it
        long badgeId = badges.reserveId();
        for (int attempt = 1; ; attempt++) {
            try {
                return self.register(exhibitionId, known, r, deskStaff, badgeId);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !lostToAnotherSubmit(e)) {
                    throw e;
                }
            }
        }
    }

    /** Another submit of the same address or key committed after this attempt's snapshot was taken. */
    static final class SubmittedMeanwhile extends RuntimeException {
        SubmittedMeanwhile() {
            super("another submit of this address or key committed first", null, false, false);
        }
    }

    /**
     * Whether a registration of this address or key is committed now: a locking read, which sees past the
     * transaction's snapshot (REPEATABLE READ), taken before the other submit committed.
     */
    private static boolean registeredMeanwhile(long exhibitionId, String email, String idempotencyKey) {
        return !Registration.getEntityManager().createNativeQuery("SELECT 1 FROM registration WHERE exhibition_id = ?1"
                        + " AND (email = ?2 OR idempotency_key = ?3) LIMIT 1 LOCK IN SHARE MODE")
                .setParameter(1, exhibitionId).setParameter(2, email).setParameter(3, idempotencyKey)
                .getResultList().isEmpty();
    }

    /**
     * A duplicate of the registration's address or key, a deadlock, or a registration of them committed while this
     * attempt waited: another submit of them got in first. Any deadlock in the submit is tried again, as the whole
     * transaction was rolled back; after {@link #ATTEMPTS} the error is the caller's.
     */
    private static boolean lostToAnotherSubmit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SubmittedMeanwhile) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                return SqlErrors.isDeadlock(sql) || SqlErrors.isDuplicateKey(sql, "uk_registration_email")
                        || SqlErrors.isDuplicateKey(sql, "uk_registration_idempotency");
            }
        }
        return false;
    }

    /**
     * {@code known}: the edition as the caller read it before this transaction, or {@code null}: it is read
     * here, after the earlier registration, since the transaction's first read fixes what it sees (REPEATABLE READ).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Outcome register(long exhibitionId, Exhibition known, NewRegistration r, String deskStaff, long badgeId) {
        Object prepared = prepare(exhibitionId, known, r, deskStaff, null);
        if (prepared instanceof Outcome found) {
            return found;
        }
        return write((Checked) prepared, deskStaff, badgeId);
    }

    /** A submit checked and decided, nothing written yet: what its writes need. */
    record Checked(long exhibitionId, Exhibition exhibition, NewRegistration submitted, String firstName,
                   String lastName, String email, String organization, String country, String idempotencyKey,
                   Locale language, People.NewPerson newPerson, RegistrationSettings settings, Invitation invitation,
                   RegistrationCategory category, List<LocalDate> days, Map<String, Object> answers, Instant now) {
    }

    /**
     * A submit's reads and checks, in its transaction: the registration of its address or key found ({@link Outcome}),
     * or the submit {@link Checked}; refused by a {@link ProblemException} (field errors, a closed window or category,
     * no such edition) before anything is written. {@code readAlready}: its first read, made for its batch
     * ({@code null}: made here).
     */
    private Object prepare(long exhibitionId, Exhibition known, NewRegistration r, String deskStaff,
                           SettingsAndEarlier readAlready) {
        boolean atDesk = deskStaff != null;
        List<FieldError> errors = new ArrayList<>();
        String firstName = FieldChecks.text(r.firstName(), "firstName", 100, true, errors);
        String lastName = FieldChecks.text(r.lastName(), "lastName", 100, true, errors);
        String email = email(r.email(), errors);
        String organization = FieldChecks.text(r.organization(), "organization", 300, false, errors);
        String country = country(r.country(), errors);
        String idempotencyKey = idempotencyKey(r.idempotencyKey(), errors);
        if (r.consent() == null || !Boolean.TRUE.equals(r.consent().terms())) {
            errors.add(new FieldError("consent.terms", "registration_termsRequired"));
        }
        Locale language = r.language() == null || r.language().isBlank() ? Messages.ENGLISH
                : Messages.forTag(r.language());
        People.NewPerson newPerson = new People.NewPerson(lastName, firstName, null, null, email, null, null,
                language.toLanguageTag(), null);
        SettingsAndEarlier readFirst = null;
        if (email != null) {
            if (atDesk) {
                // the desk deduplicates at once: its person and company take turns with other creates of them
                List<String> keys = new ArrayList<>(List.of(People.lockKey(newPerson)));
                if (idempotencyKey != null) {
                    keys.add("reg:" + exhibitionId + ":" + idempotencyKey);
                }
                if (organization != null) {
                    keys.add(Organizations.lockKey(deskOrganization(organization, country)));
                }
                keyLocks.lockAll(keys);
            }
            // a public submit takes no lock: a second one of the same address (or key) reads nothing here while the
            // first is uncommitted, waits on the first's registration row at its own insert and is tried again
            // (attempts), and then reads what the first one committed
            // the registration's audit entries and new search terms in one batch each before it commits,
            // not one statement per record
            auditLog.holdUntilCommit();
            searchIndex.holdUntilCommit();
            // the settings row (ADR 0023) and the registration of this key and the one of this address in one read, each
            // registration told apart by the database's own comparison (its collation, as a query for each would have
            // found them); a registration found is read whole only then (a repeated submit)
            readFirst = readAlready != null ? readAlready : settingsAndEarlier(exhibitionId, idempotencyKey, email);
            if (readFirst == null) {
                throw ProblemException.notFound("Exhibition");
            }
            if (known != null && (known.version != readFirst.editionVersion()
                    || !known.code.equals(readFirst.editionCode()))) {
                // the edition the caller holds (kept by this node, or read before this transaction) was changed
                // since: read again here; a code that no longer names it is a 404, as a fresh look-up would say
                keptEditions.values().removeIf(kept -> kept.edition().id.equals(exhibitionId));
                Exhibition now = exhibitions.get(exhibitionId);
                if (!now.code.equals(known.code) && !exhibitions.byCode(known.code).id.equals(exhibitionId)) {
                    throw ProblemException.notFound("Exhibition");
                }
                known = now;
            }
            Optional<Registration> byKey = readFirst.byKey().map(id -> Registration.<Registration>findById(id));
            if (byKey.isPresent() && !byKey.get().email.equalsIgnoreCase(email)) {
                throw ProblemException.conflict("registration_idempotencyKeyReused");
            }
            if (byKey.isPresent() && errors.isEmpty()) {
                return new Outcome(byKey.get(), true, true);
            }
            Optional<Registration> byEmail = readFirst.byEmail().map(id -> Registration.<Registration>findById(id));
            if (byEmail.isPresent() && errors.isEmpty()) {
                return new Outcome(byEmail.get(), true, false);
            }
        }

        Exhibition exhibition = known != null ? known : exhibitions.get(exhibitionId);
        // the settings as they are now, the categories and questions as this node keeps them while they stay so
        EditionSetups.Setup setup = readFirst != null && readFirst.settings() != null
                ? setups.of(readFirst.settings()) : setups.of(exhibitionId);
        RegistrationSettings settings = setup.settings();
        Invitation invitation = invitation(exhibitionId, r.invitationCode(), errors);
        if (!atDesk && email != null && hasError(errors, "invitationCode") && registeredMeanwhile(exhibitionId, email,
                idempotencyKey)) {
            // a double submit with a single-use code waited on the code's lock for the first one, which used it: it is
            // answered as a submit after the first one, not refused
            throw new SubmittedMeanwhile();
        }
        RegistrationCategory category = category(setup, r.category(), invitation, errors);
        List<LocalDate> days = List.of();
        Map<String, Object> answers = Map.of();
        if (category != null) {
            if (!atDesk && category.invitationRequired && invitation == null && !hasError(errors, "invitationCode")) {
                errors.add(new FieldError("invitationCode", "registration_invitationRequired"));
            }
            days = days(category, exhibition, r.days(), errors);
            answers = atDesk ? Map.of() : questions.check(setup.questions(category.id), r.answers(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = Instant.now(clock);
        if (!atDesk && !settings.isOpen(now)) {
            throw ProblemException.unprocessable("registration_closed");
        }
        if (!category.enabled) {
            throw ProblemException.unprocessable("registration_categoryClosed");
        }
        return new Checked(exhibitionId, exhibition, r, firstName, lastName, email, organization, country,
                idempotencyKey, language, newPerson, settings, invitation, category, days, answers, now);
    }

    /** A submit's writes, alone in its transaction: a public submit decided alone, or one at the desk. */
    private Outcome write(Checked c, String deskStaff, long badgeId) {
        boolean atDesk = deskStaff != null;
        long exhibitionId = c.exhibitionId();
        String organization = c.organization();
        String email = c.email();
        RegistrationCategory category = c.category();
        Invitation invitation = c.invitation();
        Instant now = c.now();
        Person person;
        Long organizationId = null;
        boolean personCreated = true;
        boolean organizationCreated = false;
        if (atDesk) {
            // at the desk the badge is printed and handed over at once: the visitor is deduplicated now, as before
            // ADR 0024, so that a known person registered here already is given that registration (their badge
            // printed again), not a badge the batch would revoke a moment later
            if (organization != null) {
                Organizations.Created company = organizations.createOrMatchForMember(
                        deskOrganization(organization, c.country()), email.substring(email.indexOf('@') + 1));
                organizationId = company.organization().id;
                organizationCreated = !company.existing();
            }
            People.Created created = people.createOrMatch(new People.NewPerson(c.lastName(), c.firstName(), null, null,
                    email, null, organizationId, c.language().toLanguageTag(), null));
            person = created.person();
            personCreated = !created.existing();
            Optional<Registration> same = personCreated ? Optional.empty()
                    : Registration.find("exhibitionId = ?1 and personId = ?2", exhibitionId, person.id)
                    .firstResultOptional();
            if (same.isPresent()) {
                return new Outcome(same.get(), true, false);
            }
        } else {
            // as typed: the company is found or made, and the person matched with those known, after the commit
            person = people.createUnmatched(c.newPerson());
        }
        Registration registration = registrationOf(c, person.id, organizationId);
        if (atDesk && registration.status == RegistrationStatus.PENDING_VERIFICATION) {
            registration.status = RegistrationStatus.CONFIRMED;
            registration.decidedAt = now;
            registration.decidedBy = deskStaff;
        }
        boolean verified = registration.status == RegistrationStatus.CONFIRMED;
        // the badge first, so that the registration's row is written once, with its badge (the badge does not
        // need the registration; the mail does)
        Badges.Issued issued = verified ? issueBadge(registration, person, category, personCreated, badgeId) : null;
        registration.persist();
        // its insert waits in Hibernate's queue (reserved ids): written now, as the rows below refer to it
        QueuedInserts.writeUnlessHeld(transaction, Registration.getEntityManager());
        if (atDesk) {
            String role = role(category.code);
            participate(exhibitionId, new PartyRef(PartyRef.Kind.PERSON, person.id), role, personCreated);
            if (organizationId != null) {
                participate(exhibitionId, new PartyRef(PartyRef.Kind.ORGANIZATION, organizationId), role,
                        organizationCreated);
            }
        } else {
            dedup.queue(registration.id, person.id);
        }

        consents.recordAll(person.id, consentsOf(c.submitted().consent(), now, atDesk ? DESK_CHANNEL : CHANNEL),
                RECORDED_BY);
        if (verified) {
            confirm(registration, person, category, c.exhibition(), issued);
        } else {
            mail(registration, person, category, c.exhibition(), "registration-received");
        }
        // the places last: their counter rows are shared by every registration of the category, so they are
        // locked only for the commit, not while the badge is signed and printed (a full category rolls it all back)
        counters.take(category, c.days());
        if (invitation != null) {
            // by SQL: the entity may be this transaction's older snapshot of the row
            Invitation.getEntityManager().createNativeQuery(
                            "UPDATE registration_invitation SET uses = uses + 1 WHERE id = ?1")
                    .setParameter(1, invitation.id).executeUpdate();
        }
        return new Outcome(registration, false, true, category);
    }

    /**
     * The first read of each submit of a batch, in one statement when they are all of one edition (as nearly always);
     * otherwise none ({@code null} each: each submit reads its own).
     */
    private static List<SettingsAndEarlier> readTogether(List<SubmitQueue.Queued> submitted) {
        long exhibitionId = submitted.get(0).edition().id;
        List<SettingsAndEarlier> none = java.util.Collections.nCopies(submitted.size(), null);
        List<String> keys = new ArrayList<>(submitted.size());
        List<String> emails = new ArrayList<>(submitted.size());
        for (SubmitQueue.Queued q : submitted) {
            if (q.edition().id != exhibitionId) {
                return none;
            }
            // as the submit's own checks take them; one they refuse finds nothing
            keys.add(idempotencyKey(q.registration().idempotencyKey(), new ArrayList<>()));
            emails.add(email(q.registration().email(), new ArrayList<>()));
        }
        List<SettingsAndEarlier> read = settingsAndEarlier(exhibitionId, keys, emails);
        return read.get(0) == null ? none : read;
    }

    /**
     * What a submit reads first: the edition's settings row ({@code null}: the edition has none), the ids of the
     * registrations of this key and of this address, and the edition's row version and code.
     */
    record SettingsAndEarlier(RegistrationSettings settings, Optional<Long> byKey, Optional<Long> byEmail,
                              long editionVersion, String editionCode) {
    }

    /**
     * One plain read on the transaction's connection (no entity: the settings are only read here, and a
     * registration found is loaded by the caller); {@code null} when there is no such edition.
     */
    private static SettingsAndEarlier settingsAndEarlier(long exhibitionId, String idempotencyKey, String email) {
        return settingsAndEarlier(exhibitionId, java.util.Collections.singletonList(idempotencyKey), List.of(email))
                .get(0);
    }

    /**
     * {@link #settingsAndEarlier(long, String, String)} for several submits of one edition in one statement (the
     * submits decided together, ADR 0031): an answer per key and address, in their order ({@code null} each when
     * there is no such edition; an address {@code null} finds nothing). Each submit's registrations are still told
     * apart by the database's own comparison, two flags a submit.
     */
    private static List<SettingsAndEarlier> settingsAndEarlier(long exhibitionId, List<String> idempotencyKeys,
                                                               List<String> emails) {
        int n = emails.size();
        String flags = String.join(", ", java.util.Collections.nCopies(n, "r.idempotency_key = ?, r.email = ?"));
        String marks = String.join(", ", java.util.Collections.nCopies(n, "?"));
        return Registration.getEntityManager().unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            RegistrationSettings settings = null;
            Long[] byKey = new Long[n];
            Long[] byEmail = new Long[n];
            boolean found = false;
            long editionVersion = 0;
            String editionCode = null;
            // only the placeholders' count is built: every value is bound
            try (java.sql.PreparedStatement select = connection.prepareStatement("SELECT s.id, s.opens_at, s.closes_at,"
                    + " s.allowed_domains, s.setup_version, s.version, s.created_at, s.updated_at, r.id, e.version, e.code, "
                    + flags + " FROM exhibition e LEFT JOIN registration_settings s ON s.exhibition_id = e.id"
                    + " LEFT JOIN registration r ON r.exhibition_id = e.id AND (r.idempotency_key IN (" + marks
                    + ") OR r.email IN (" + marks + ")) WHERE e.id = ?")) {
                int at = 1;
                for (int i = 0; i < n; i++) {
                    select.setString(at++, idempotencyKeys.get(i));
                    select.setString(at++, emails.get(i));
                }
                for (String key : idempotencyKeys) {
                    select.setString(at++, key);
                }
                for (String email : emails) {
                    select.setString(at++, email);
                }
                select.setLong(at, exhibitionId);
                try (java.sql.ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (!found) {
                            found = true;
                            editionVersion = rows.getLong(10);
                            editionCode = rows.getString(11);
                        }
                        rows.getLong(1);
                        if (settings == null && !rows.wasNull()) {
                            settings = new RegistrationSettings();
                            settings.id = rows.getLong(1);
                            settings.exhibitionId = exhibitionId;
                            settings.opensAt = org.expodesk.platform.db.UtcColumns.instant(rows, 2);
                            settings.closesAt = org.expodesk.platform.db.UtcColumns.instant(rows, 3);
                            settings.allowedDomains = rows.getString(4);
                            settings.setupVersion = rows.getLong(5);
                            settings.version = rows.getLong(6);
                            settings.createdAt = org.expodesk.platform.db.UtcColumns.instant(rows, 7);
                            settings.updatedAt = org.expodesk.platform.db.UtcColumns.instant(rows, 8);
                        }
                        long id = rows.getLong(9);
                        if (rows.wasNull()) {
                            continue;
                        }
                        for (int i = 0; i < n; i++) {
                            if (rows.getBoolean(12 + 2 * i)) {
                                byKey[i] = id;
                            }
                            if (rows.getBoolean(13 + 2 * i)) {
                                byEmail[i] = id;
                            }
                        }
                    }
                }
            }
            List<SettingsAndEarlier> read = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                read.add(found ? new SettingsAndEarlier(settings, Optional.ofNullable(byKey[i]),
                        Optional.ofNullable(byEmail[i]), editionVersion, editionCode) : null);
            }
            return read;
        });
    }

    private static Organizations.NewOrganization deskOrganization(String name, String country) {
        return new Organizations.NewOrganization(name, null, null, null, country, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** A party this transaction has just created takes part without a look for a part it cannot have yet. */
    private void participate(long exhibitionId, PartyRef party, String role, boolean createdNow) {
        if (createdNow) {
            contacts.participateNew(exhibitionId, party, role);
        } else {
            contacts.participate(exhibitionId, party, role);
        }
    }

    /** A buyer staff have verified: the registration counts from now on and the confirmation goes out. */
    public Registration approve(long registrationId, String by) {
        Registration registration = pending(registrationId);
        registration.status = RegistrationStatus.CONFIRMED;
        registration.decidedAt = Instant.now(clock);
        registration.decidedBy = by;
        accepted(registration, people.get(registration.personId), RegistrationCategory.findById(registration.categoryId),
                exhibitions.get(registration.exhibitionId));
        return registration;
    }

    /** A buyer staff turned down: their places are given back and they are told (with the reason, if any). */
    public Registration reject(long registrationId, String reason, String by) {
        List<FieldError> errors = new ArrayList<>();
        String why = FieldChecks.text(reason, "reason", 500, false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Registration registration = pending(registrationId);
        registration.status = RegistrationStatus.REJECTED;
        registration.decidedAt = Instant.now(clock);
        registration.decidedBy = by;
        registration.decisionReason = why;
        counters.release(registration.categoryId, registration.dayList());
        mail(registration, people.get(registration.personId), RegistrationCategory.findById(registration.categoryId),
                exhibitions.get(registration.exhibitionId), "registration-rejected");
        return registration;
    }

    /**
     * A {@link RegistrationStatus#DUPLICATE} whose person stands alone again (staff undid the deduplication's merge:
     * two people after all) counts again as what it was before: confirmed by staff with a new badge, mailed (its
     * old one stays revoked, as a revoked badge does), or awaiting verification again, without a badge. Its places
     * are taken again (refused when the category is full meanwhile) and its invitation use counted again (refused
     * when the invitation is used up meanwhile, as the submit refuses it). 409 unless it is a duplicate of a live
     * person, not erased, who is not merged away and has no other counting registration at the edition.
     */
    public Registration reinstate(long registrationId, String by) {
        Registration.getEntityManager().createNativeQuery("SELECT id FROM registration WHERE id = ?1 FOR UPDATE")
                .setParameter(1, registrationId).getResultList();
        Registration registration = get(registrationId);
        if (registration.status != RegistrationStatus.DUPLICATE) {
            throw ProblemException.conflict("registration_notDuplicate");
        }
        Person person = Person.findById(registration.personId);
        if (person != null && Privacy.isErased(person)) {
            throw ProblemException.conflict("registration_duplicateErased");
        }
        boolean counting = Registration.count("exhibitionId = ?1 and personId = ?2 and id <> ?3 and status in ?4",
                registration.exhibitionId, registration.personId, registration.id,
                List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING_VERIFICATION)) > 0;
        if (person == null || person.mergedInto != null || counting) {
            throw ProblemException.conflict("registration_duplicateStands");
        }
        if (registration.invitationId != null) {
            // locked, and its uses read by the locking read, as the submit reads them
            Object[] uses = (Object[]) Registration.getEntityManager().createNativeQuery(
                            "SELECT uses, uses_allowed FROM registration_invitation WHERE id = ?1 FOR UPDATE")
                    .setParameter(1, registration.invitationId).getSingleResult();
            if (((Number) uses[0]).intValue() >= ((Number) uses[1]).intValue()) {
                throw ProblemException.conflict("registration_invitationUsedUp");
            }
        }
        RegistrationCategory category = RegistrationCategory.findById(registration.categoryId);
        registration.dedupFinding = null;
        if (registration.statusBeforeDuplicate == RegistrationStatus.PENDING_VERIFICATION) {
            // undecided again: staff verify the buyer as any other; the registrant was told nothing meanwhile
            registration.status = RegistrationStatus.PENDING_VERIFICATION;
            registration.decidedAt = null;
            registration.decidedBy = null;
            registration.badgeId = null;
        } else {
            registration.status = RegistrationStatus.CONFIRMED;
            registration.decidedAt = Instant.now(clock);
            registration.decidedBy = by;
            Badges.Issued issued = issueBadge(registration, person, category, false, 0);
            String token = issued.accessToken() != null ? issued.accessToken()
                    : badges.renewAccessToken(issued.badge().id);
            mail(registration, person, category, exhibitions.get(registration.exhibitionId), "registration-confirmed",
                    issued.badge(), token, "registration-reinstated|" + registration.id + "|" + issued.badge().id);
        }
        registration.statusBeforeDuplicate = null;
        counters.take(category, registration.dayList());
        if (registration.invitationId != null) {
            Registration.getEntityManager().createNativeQuery(
                            "UPDATE registration_invitation SET uses = uses + 1 WHERE id = ?1")
                    .setParameter(1, registration.invitationId).executeUpdate();
        }
        return registration;
    }

    /**
     * A registration that counts: a new one that needed no verification, or a buyer just approved.
     * The person's badge of the edition is issued (or the one they hold already, e.g. as booth
     * staff, is kept), valid from their first to their last day, and goes with the confirmation
     * mail as a PDF and a link.
     */
    void accepted(Registration registration, Person person, RegistrationCategory category, Exhibition exhibition) {
        confirm(registration, person, category, exhibition, issueBadge(registration, person, category, false, 0));
    }

    /** The person's badge for this registration ({@code holderIsNew}: created in this transaction, holding none). */
    private Badges.Issued issueBadge(Registration registration, Person person, RegistrationCategory category,
                                     boolean holderIsNew, long badgeId) {
        List<LocalDate> days = registration.dayList();
        // the company as the registrant typed it (a registration before V46 has the record's name there)
        String organizationName = registration.organizationName;
        Badges.Issued issued = badges.issue(new Badges.IssueRequest(registration.exhibitionId, person.id,
                holderName(person), registration.organizationId, organizationName, category.code,
                badgeLabel(category), category.colour, days.isEmpty() ? null : days.get(0),
                days.isEmpty() ? null : days.get(days.size() - 1), List.of()), holderIsNew, badgeId);
        registration.badgeId = issued.badge().id;
        return issued;
    }

    /**
     * The confirmation again, with the badge the registrant held already at the edition (found when they were
     * deduplicated after the submit, ADR 0024): the one first mailed is revoked, and its mail not sent if still queued.
     */
    void confirmWithHeldBadge(Registration registration) {
        Badge badge = badges.get(registration.badgeId);
        mail(registration, people.get(registration.personId), RegistrationCategory.findById(registration.categoryId),
                exhibitions.get(registration.exhibitionId), "registration-confirmed", badge,
                badges.renewAccessToken(badge.id), "registration-badge-held|" + registration.id + "|" + badge.id);
    }

    /**
     * A duplicate's registrant, sent its badge before, is sent the badge of the same person that stands, as a held
     * badge is ({@link #confirmWithHeldBadge}): the link is renewed, so the one mail with a working link is the last.
     */
    void mailStandingBadge(Registration duplicate, long personId, Badge standing) {
        mail(duplicate, people.get(personId), RegistrationCategory.findById(duplicate.categoryId),
                exhibitions.get(duplicate.exhibitionId), "registration-confirmed", standing,
                badges.renewAccessToken(standing.id),
                "registration-badge-held|" + duplicate.id + "|" + standing.id);
    }

    /**
     * A duplicate's registrant, sent its badge before, is told that this registration no longer counts and the badge
     * is void, when no badge of the same person stands to send instead (their earlier registration awaits
     * verification, say).
     */
    void mailNoLongerCounts(Registration duplicate, long personId) {
        mail(duplicate, people.get(personId), RegistrationCategory.findById(duplicate.categoryId),
                exhibitions.get(duplicate.exhibitionId), "registration-duplicate");
    }

    /** The badge goes with the confirmation mail as a PDF and a link. */
    private void confirm(Registration registration, Person person, RegistrationCategory category, Exhibition exhibition,
                         Badges.Issued issued) {
        outbox.enqueue(confirmation(registration, person, category, exhibition, issued));
    }

    private MailRequest confirmation(Registration registration, Person person, RegistrationCategory category,
                                     Exhibition exhibition, Badges.Issued issued) {
        String token = issued.accessToken() != null ? issued.accessToken() : badges.renewAccessToken(issued.badge().id);
        return mailRequest(registration, person, category, exhibition, "registration-confirmed", issued.badge(), token);
    }

    /** What the badge's band says: both languages where they differ, for a show with guests of both. */
    private static String badgeLabel(RegistrationCategory category) {
        String en = category.labelEn == null ? "" : category.labelEn.trim();
        String zh = category.labelZh == null ? "" : category.labelZh.trim();
        String label = en.isEmpty() || en.equals(zh) ? zh : zh.isEmpty() ? en : en + " " + zh;
        return label.length() <= 100 ? label : label.substring(0, 100);
    }

    private static String holderName(Person person) {
        return ((person.givenName == null ? "" : person.givenName + " ") + person.familyName).trim();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Registration get(long id) {
        Registration registration = Registration.findById(id);
        if (registration == null) {
            throw ProblemException.notFound("Registration");
        }
        return registration;
    }

    /** An edition's registrations, newest first, optionally of one category code and one status; one page of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Registration> list(long exhibitionId, String categoryCode, String status, int page, int size) {
        exhibitions.get(exhibitionId);
        StringBuilder query = new StringBuilder("exhibitionId = :e");
        Map<String, Object> params = new HashMap<>(Map.of("e", exhibitionId));
        if (categoryCode != null && !categoryCode.isBlank()) {
            RegistrationCategory category = RegistrationCategory.<RegistrationCategory>find(
                    "exhibitionId = ?1 and code = ?2", exhibitionId, categoryCode.trim().toUpperCase(Locale.ROOT))
                    .firstResultOptional().orElseThrow(() -> ProblemException.invalid("category",
                            "registration_categoryUnknown"));
            query.append(" and categoryId = :c");
            params.put("c", category.id);
        }
        if (status != null && !status.isBlank()) {
            try {
                params.put("s", RegistrationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw ProblemException.invalid("status", "registration_statusUnknown");
            }
            query.append(" and status = :s");
        }
        return Registration.<Registration>find(query.toString(), Sort.descending("registeredAt", "id"), params)
                .page(io.quarkus.panache.common.Page.of(page, size)).list();
    }

    /** The registered person's name as they gave it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String holderName(Registration registration) {
        return holderName(people.get(registration.personId));
    }

    /** The answers of a registration by question code. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> answersOf(Registration registration) {
        if (registration.answers == null) {
            return Map.of();
        }
        try {
            return json.readValue(registration.answers, LinkedHashMap.class);
        } catch (JsonProcessingException broken) {
            throw new IllegalStateException("answers of registration " + registration.id, broken);
        }
    }

    static String role(String categoryCode) {
        return switch (categoryCode) {
            case "BUYER" -> "BUYER";
            case "PROFESSIONAL" -> "PROFESSIONAL_VISITOR";
            case "PRESS" -> "PRESS";
            default -> "VISITOR";
        };
    }

    private Registration pending(long registrationId) {
        // locked before anything is read, so that what is read is the latest (plain SQL: MariaDB does not know
        // Hibernate's "FOR UPDATE OF"); a second approval waits and then finds it decided
        Registration.getEntityManager().createNativeQuery("SELECT id FROM registration WHERE id = ?1 FOR UPDATE")
                .setParameter(1, registrationId).getResultList();
        Registration registration = get(registrationId);
        if (registration.status != RegistrationStatus.PENDING_VERIFICATION) {
            throw ProblemException.conflict("registration_notPending");
        }
        return registration;
    }

    private void mail(Registration registration, Person person, RegistrationCategory category, Exhibition exhibition,
                      String template) {
        mail(registration, person, category, exhibition, template, null, null);
    }

    private void mail(Registration registration, Person person, RegistrationCategory category, Exhibition exhibition,
                      String template, Badge badge, String badgeToken) {
        outbox.enqueue(mailRequest(registration, person, category, exhibition, template, badge, badgeToken));
    }

    private MailRequest mailRequest(Registration registration, Person person, RegistrationCategory category,
                                    Exhibition exhibition, String template, Badge badge, String badgeToken) {
        return mailRequest(registration, person, category, exhibition, template, badge, badgeToken,
                ("registration-confirmed".equals(template) ? "registration" : template) + "|" + registration.id);
    }

    private void mail(Registration registration, Person person, RegistrationCategory category, Exhibition exhibition,
                      String template, Badge badge, String badgeToken, String key) {
        outbox.enqueue(mailRequest(registration, person, category, exhibition, template, badge, badgeToken, key));
    }

    private MailRequest mailRequest(Registration registration, Person person, RegistrationCategory category,
                                    Exhibition exhibition, String template, Badge badge, String badgeToken, String key) {
        Locale language = Messages.forTag(registration.language);
        Map<String, Object> data = new HashMap<>();
        data.put("name", holderName(person));
        data.put("exhibition", exhibition.name);
        data.put("city", exhibition.city);
        data.put("venue", exhibition.venue);
        data.put("opensOn", exhibition.opensOn.toString());
        data.put("closesOn", exhibition.closesOn.toString());
        data.put("category", category.label(language));
        data.put("days", registration.days.replace(",", ", "));
        data.put("registrationId", registration.id);
        data.put("reason", registration.decisionReason);
        data.put("badgeLink", badgeToken == null ? "" : outbox.publicLink(Badges.publicPdfPath(badgeToken)));
        MailRequest request = MailRequest.transactional(key, template, registration.email, language,
                mailTemplates.builtIn(template, language), data).forExhibition(registration.exhibitionId);
        if (badge != null) {
            request = request.withPrivateLinks().attachRendered("badge-" + badge.id + ".pdf", "application/pdf",
                    BadgePdfAttachments.NAME, BadgePdfAttachments.argument(badge.id, BadgePdfs.Layout.A6));
        }
        return request;
    }

    /**
     * The registration a checked submit makes, not persisted yet: confirmed unless its buyer awaits verification
     * (the category asks for it, and neither an invitation nor the address's domain waives it).
     */
    private Registration registrationOf(Checked c, long personId, Long organizationId) {
        Registration registration = new Registration();
        registration.exhibitionId = c.exhibitionId();
        registration.categoryId = c.category().id;
        registration.personId = personId;
        registration.organizationId = organizationId;
        registration.organizationName = c.organization();
        registration.email = c.email();
        registration.country = c.country();
        registration.days = c.days().stream().map(LocalDate::toString).collect(Collectors.joining(","));
        registration.language = c.language().toLanguageTag();
        registration.answers = c.answers().isEmpty() ? null : answersJson(c.answers());
        registration.invitationId = c.invitation() == null ? null : c.invitation().id;
        registration.idempotencyKey = c.idempotencyKey();
        registration.registeredAt = c.now();
        boolean verified = !c.category().verificationRequired
                || (c.invitation() != null && c.invitation().waivesVerification)
                || c.settings().domains().contains(c.email().substring(c.email().indexOf('@') + 1));
        registration.status = verified ? RegistrationStatus.CONFIRMED : RegistrationStatus.PENDING_VERIFICATION;
        return registration;
    }

    private List<Consents.NewConsent> consentsOf(ConsentChoice choice, Instant at, String channel) {
        return List.of(
                new Consents.NewConsent(Consent.Purpose.TERMS.name(), true, at, channel, consentTextVersion, null),
                new Consents.NewConsent(Consent.Purpose.LEAD_SHARING.name(), Boolean.TRUE.equals(choice.leadSharing()),
                        at, channel, consentTextVersion, null),
                new Consents.NewConsent(Consent.Purpose.MARKETING.name(), Boolean.TRUE.equals(choice.marketing()),
                        at, channel, consentTextVersion, null));
    }

    private static Invitation invitation(long exhibitionId, String code, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            return null;
        }
        // locked, and its uses read by the locking read itself (this transaction's snapshot may be older):
        // two registrations with a single-use code cannot both use it
        List<?> rows = Invitation.getEntityManager().createNativeQuery("SELECT id, uses, uses_allowed"
                        + " FROM registration_invitation WHERE exhibition_id = ?1 AND code = ?2 FOR UPDATE")
                .setParameter(1, exhibitionId).setParameter(2, code.trim().toUpperCase(Locale.ROOT)).getResultList();
        if (rows.isEmpty()) {
            errors.add(new FieldError("invitationCode", "registration_invitationUnknown"));
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        if (((Number) row[1]).intValue() >= ((Number) row[2]).intValue()) {
            errors.add(new FieldError("invitationCode", "registration_invitationUsedUp"));
            return null;
        }
        return Invitation.findById(((Number) row[0]).longValue());
    }

    private static RegistrationCategory category(EditionSetups.Setup setup, String code, Invitation invitation,
                                                 List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            if (invitation != null) {
                return setup.category(invitation.categoryId).orElse(null);
            }
            errors.add(new FieldError("category", "field_required"));
            return null;
        }
        Optional<RegistrationCategory> category = setup.category(code.trim().toUpperCase(Locale.ROOT));
        if (category.isEmpty()) {
            errors.add(new FieldError("category", "registration_categoryUnknown"));
            return null;
        }
        if (invitation != null && !invitation.categoryId.equals(category.get().id)) {
            errors.add(new FieldError("invitationCode", "registration_invitationOtherCategory"));
        }
        return category.get();
    }

    private static List<LocalDate> days(RegistrationCategory category, Exhibition exhibition, List<String> chosen,
                                        List<FieldError> errors) {
        List<LocalDate> valid = category.days(exhibition.opensOn, exhibition.closesOn);
        if (!category.daysSelectable) {
            return valid;
        }
        if (chosen == null || chosen.stream().allMatch(d -> d == null || d.isBlank())) {
            errors.add(new FieldError("days", "registration_daysRequired"));
            return List.of();
        }
        List<LocalDate> days = new ArrayList<>();
        for (String d : chosen) {
            if (d == null || d.isBlank()) {
                continue;
            }
            try {
                LocalDate day = LocalDate.parse(d.trim());
                if (!valid.contains(day)) {
                    errors.add(new FieldError("days", "registration_dayInvalid"));
                    return List.of();
                }
                if (!days.contains(day)) {
                    days.add(day);
                }
            } catch (java.time.format.DateTimeParseException notADate) {
                errors.add(new FieldError("days", "registration_dayInvalid"));
                return List.of();
            }
        }
        days.sort(null);
        return days;
    }

    private static String email(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("email", "field_required"));
            return null;
        }
        String email = Outbox.normalize(value);
        if (!FieldChecks.isEmail(email)) {
            errors.add(new FieldError("email", "user_email_invalid"));
            return null;
        }
        return email;
    }

    private static String idempotencyKey(String value, List<FieldError> errors) {
        return FieldChecks.text(value, "idempotencyKey", 100, false, errors);
    }

    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static String country(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String country = value.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            errors.add(new FieldError("country", "party_countryInvalid"));
            return null;
        }
        return country;
    }

    private static boolean hasError(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    private String answersJson(Map<String, Object> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
