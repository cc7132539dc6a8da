package org.expodesk.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.expodesk.badge.Badge;
import org.expodesk.badge.BadgeState;
import org.expodesk.badge.Badges;
import org.expodesk.party.Contacts;
import org.expodesk.party.Organizations;
import org.expodesk.party.PartyRef;
import org.expodesk.party.People;
import org.expodesk.party.Person;
import org.expodesk.party.PersonContact;
import org.expodesk.party.Privacy;
import org.expodesk.party.dedup.PersonMatcher;
import org.expodesk.party.dedup.PersonMerge;
import org.expodesk.party.dedup.ReviewQueue;
import org.hibernate.jpa.HibernateHints;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deduplicates one registrant after the submit stored them as typed (ADR 0024), deciding as the submit did
 * before: the company created or matched by {@link Organizations#createOrMatchForMember} (the registrant's mail
 * domain corroborates it, ADR 0019); the person matched with those known by {@link PersonMatcher} with its
 * thresholds, a sure match merged into the known person through {@link PersonMerge} (logged, undoable;
 * registrations, badges and consents move with it), likely ones proposed for review; the employment, the
 * participations, and the company on the registration and its badge. When the known person is registered at
 * the edition already, this registration is a {@link RegistrationStatus#DUPLICATE} (the earlier one stands, as
 * the submit answered 202 before); when they hold a valid badge there already, that badge stands and this
 * registration's is revoked. Either is noted for staff ({@link Finding}). Runs in the caller's batch
 * ({@link RegistrantDedupQueue}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RegistrantDedup {

    /** What staff see on a registration whose registrant turned out to be known at the edition already. */
    public enum Finding {
        /** Registered at the edition before: this registration no longer counts, its badge is revoked. */
        EARLIER_REGISTRATION,
        /** Held a valid badge of the edition (booth staff, say): that badge stands, this registration's is revoked. */
        EARLIER_BADGE
    }

    static final String BY = "registration-dedup";

    @Inject
    EntityManager em;

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @Inject
    PersonMatcher matcher;

    @Inject
    PersonMerge merge;

    @Inject
    ReviewQueue review;

    @Inject
    Contacts contacts;

    @Inject
    Badges badges;

    @Inject
    PlaceCounters counters;

    @Inject
    Registrations registrations;

    @Inject
    Clock clock;

    /**
     * Deduplicates the registrant of {@code registrationId}, whom its submit created as {@code typedPersonId}. A
     * registration whose person is no longer that one, live (merged or erased by staff meanwhile), keeps what
     * staff decided: only its company is looked for.
     */
    public void deduplicate(long registrationId, long typedPersonId) {
        Registration registration = Registration.findById(registrationId);
        Person typed = Person.findById(typedPersonId);
        boolean personToMatch = typed != null && registration.personId == typedPersonId && typed.mergedInto == null
                && !Privacy.isErased(typed);
        if (typed != null && Privacy.isErased(typed)) {
            // erased on request meanwhile: nothing of them is looked for or linked
            return;
        }
        Long organizationId = registration.organizationId;
        boolean organizationCreated = false;
        if (organizationId == null && registration.organizationName != null) {
            Organizations.Created company = organizations.createOrMatchForMember(new Organizations.NewOrganization(
                            registration.organizationName, null, null, null, registration.country, null, null, null,
                            null, null, null, null, null, null, null, null, null),
                    registration.email.substring(registration.email.indexOf('@') + 1));
            organizationId = company.organization().id;
            organizationCreated = !company.existing();
        }
        long personId = registration.personId;
        boolean personCreated = false;
        Finding finding = null;
        if (personToMatch) {
            // the company counts in the person's match (same organization) as it did when both were decided at once
            typed.organizationId = organizationId;
            List<PersonMatcher.Match> matches = matches(registrationId, typed);
            if (!matches.isEmpty() && matches.get(0).verdict() == PersonMatcher.Verdict.SURE) {
                Person known = matches.get(0).person();
                finding = mergeInto(known, typed, registration, organizationId);
                personId = known.id;
            } else {
                personCreated = true;
                if (organizationId != null) {
                    people.changeOrganization(typed.id, organizationId, null);
                }
                for (PersonMatcher.Match m : matches) {
                    review.proposeForNew("PERSON", typed.id, m.person().id, m.score(), String.join(", ", m.reasons()));
                }
            }
        }
        registration.organizationId = organizationId;
        if (finding == null) {
            registration.dedupFinding = null;
        }
        if (registration.badgeId != null && organizationId != null && finding == null) {
            Badge badge = badges.get(registration.badgeId);
            if (badge.organizationId == null) {
                badge.organizationId = organizationId;
            }
        }
        if (finding == Finding.EARLIER_REGISTRATION) {
            // as when the submit answered 202: the person takes no further part through this registration
            return;
        }
        String role = Registrations.role(RegistrationCategory.<RegistrationCategory>findById(registration.categoryId).code);
        participate(registration.exhibitionId, new PartyRef(PartyRef.Kind.PERSON, personId), role, personCreated);
        if (organizationId != null) {
            participate(registration.exhibitionId, new PartyRef(PartyRef.Kind.ORGANIZATION, organizationId), role,
                    organizationCreated);
        }
    }

    /**
     * The best five matches of the typed person, leaving out people whose own registration is queued after this
     * one: they are not deduplicated yet, and the submit before them had not seen them either.
     */
    private List<PersonMatcher.Match> matches(long registrationId, Person typed) {
        // the person's further e-mails and phones in one read (a registrant has none, unless staff added some)
        List<String> emails = new ArrayList<>(List.of(typed.email));
        List<String> phones = new ArrayList<>();
        if (typed.phoneE164 != null) {
            phones.add(typed.phoneE164);
        }
        for (PersonContact c : people.contacts(typed.id)) {
            if (PersonContact.EMAIL.equals(c.kind)) {
                emails.add(c.value);
            } else if (PersonContact.PHONE.equals(c.kind) && c.e164 != null) {
                phones.add(c.e164);
            }
        }
        List<PersonMatcher.Match> best = matcher.matches(typed, emails, phones, null, 5);
        if (best.isEmpty()) {
            return best;
        }
        Set<Long> later = queuedLater(registrationId, best.stream().map(m -> m.person().id).toList());
        if (later.isEmpty()) {
            return best;
        }
        return matcher.matches(typed, emails, phones, null, Integer.MAX_VALUE).stream()
                .filter(m -> !later.contains(m.person().id)).limit(5).toList();
    }

    private Set<Long> queuedLater(long registrationId, List<Long> personIds) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT person_id FROM registration_dedup"
                        + " WHERE person_id IN (?1) AND registration_id > ?2")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "registration_dedup")
                .setParameter(1, personIds).setParameter(2, registrationId).getResultList();
        return Set.copyOf(ids.stream().map(Number::longValue).toList());
    }

    /**
     * The typed person merged into the known one. Both rows are read again with a lock first: this batch read
     * them in a snapshot that another node's merge may have made stale, and a merge into a person merged away is
     * refused so that the registration is retried alone, in a fresh transaction.
     */
    private Finding mergeInto(Person known, Person typed, Registration registration, Long organizationId) {
        @SuppressWarnings("unchecked")
        List<Number> live = em.createNativeQuery("SELECT id FROM person WHERE id IN (?1, ?2) AND merged_into IS NULL"
                        + " ORDER BY id FOR UPDATE")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "person")
                .setParameter(1, Math.min(known.id, typed.id)).setParameter(2, Math.max(known.id, typed.id))
                .getResultList();
        if (live.size() < 2) {
            throw new IllegalStateException("person " + known.id + " or " + typed.id + " was merged meanwhile");
        }
        boolean knownHadNoCompany = known.organizationId == null;
        merge.merge(known.id, typed.id, Set.of(), BY);
        if (knownHadNoCompany && organizationId != null) {
            // the known person took the company from the typed one: their employment starts, as a match's gap filled
            people.changeOrganization(known.id, organizationId, null);
        }
        // the merge moved rows by SQL: what this transaction holds is read again, and what the merge left on the
        // typed person is read afresh, not taken from what was read before it (an earlier merge of this person, a
        // retried row, staff meanwhile may have put registrations or badges there that no snapshot knows)
        em.flush();
        em.refresh(registration);
        settleLeftBehind(typed.id, known.id, registration.id);
        if (Finding.EARLIER_REGISTRATION.name().equals(registration.dedupFinding)) {
            return Finding.EARLIER_REGISTRATION;
        }
        return Finding.EARLIER_BADGE.name().equals(registration.dedupFinding) ? Finding.EARLIER_BADGE : null;
    }

    /**
     * One registration and one valid badge per person and edition after a merge: the merge leaves on the merged-away
     * person a registration of an edition the survivor is registered for, and a valid badge of an edition the
     * survivor holds one of. Each such registration becomes a duplicate of the survivor's (its place given back,
     * its badge revoked, the badge that stands mailed to its registrant); this registration, when staff rejected it
     * meanwhile, stays rejected as they decided, with the finding noted; each such badge is revoked, and a
     * survivor's registration that still names it takes the survivor's badge, mailed as the submit did.
     */
    private void settleLeftBehind(long mergedAway, long survivor, long current) {
        @SuppressWarnings("unchecked")
        List<Number> left = em.createNativeQuery("SELECT id FROM registration WHERE person_id = ?1"
                        + " AND (status IN ('CONFIRMED', 'PENDING_VERIFICATION') OR id = ?2) AND status <> 'DUPLICATE'"
                        + " ORDER BY id")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "registration")
                .setParameter(1, mergedAway).setParameter(2, current).getResultList();
        for (Number id : left) {
            Registration duplicate = Registration.findById(id.longValue());
            em.refresh(duplicate);
            Registration standing = Registration.<Registration>find("exhibitionId = ?1 and personId = ?2 order by id",
                    duplicate.exhibitionId, survivor).firstResult();
            if (standing == null) {
                continue;
            }
            if (duplicate.status == RegistrationStatus.CONFIRMED
                    || duplicate.status == RegistrationStatus.PENDING_VERIFICATION) {
                duplicate(duplicate, standing, survivor);
            } else {
                duplicate.dedupFinding = Finding.EARLIER_REGISTRATION.name();
            }
        }
        em.flush();
        @SuppressWarnings("unchecked")
        List<Number> validBadges = em.createNativeQuery("SELECT id FROM badge WHERE person_id = ?1 AND state = 'VALID'"
                        + " ORDER BY id")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "badge").setParameter(1, mergedAway).getResultList();
        for (Number id : validBadges) {
            Badge leftBadge = badges.get(id.longValue());
            em.refresh(leftBadge);
            Optional<Badge> held = badges.validOf(leftBadge.exhibitionId, survivor);
            if (held.isEmpty()) {
                continue;
            }
            revoke(leftBadge.id, "The holder's badge " + held.get().id + " of this edition stands");
            for (Registration moved : Registration.<Registration>list("exhibitionId = ?1 and personId = ?2",
                    leftBadge.exhibitionId, survivor)) {
                if (moved.badgeId != null && moved.status == RegistrationStatus.CONFIRMED
                        && badges.current(badges.get(moved.badgeId)).id.equals(leftBadge.id)) {
                    moved.badgeId = held.get().id;
                    moved.dedupFinding = Finding.EARLIER_BADGE.name();
                    registrations.confirmWithHeldBadge(moved);
                }
            }
        }
    }

    /**
     * A second registration of one person at an edition: it gives its places and invitation use back, once, and
     * its badge (as reissued) is revoked. A registrant who was sent that badge is sent the one that stands, so that
     * nobody is left holding a revoked badge unawares, or, when no badge stands for the person (their earlier
     * registration awaits verification, say), told that this registration no longer counts; one still waiting
     * (buyer verification) had none and waits no longer. The status it had is kept for staff's reinstatement. The
     * status change is audited like any change of a registration and shown to staff.
     */
    private void duplicate(Registration registration, Registration earlier, long survivor) {
        counters.release(registration.categoryId, registration.dayList());
        if (registration.invitationId != null) {
            em.createNativeQuery("UPDATE registration_invitation SET uses = GREATEST(uses - 1, 0) WHERE id = ?1")
                    .setHint(HibernateHints.HINT_NATIVE_SPACES, "registration_invitation")
                    .setParameter(1, registration.invitationId).executeUpdate();
        }
        boolean badgeSent = registration.status == RegistrationStatus.CONFIRMED && registration.badgeId != null;
        registration.statusBeforeDuplicate = registration.status;
        registration.status = RegistrationStatus.DUPLICATE;
        registration.decidedAt = Instant.now(clock);
        registration.decidedBy = BY;
        registration.dedupFinding = Finding.EARLIER_REGISTRATION.name();
        if (registration.badgeId != null) {
            revoke(registration.badgeId, "Registered twice: registration " + earlier.id + " of this person stands");
        }
        if (badgeSent) {
            Optional<Badge> standing = badges.validOf(registration.exhibitionId, survivor);
            if (standing.isPresent()) {
                registrations.mailStandingBadge(registration, survivor, standing.get());
            } else {
                registrations.mailNoLongerCounts(registration, survivor);
            }
        }
    }

    /** Revokes the badge as it stands now: the one that replaced it, when it was reissued. */
    private void revoke(long badgeId, String reason) {
        Badge current = badges.current(badges.get(badgeId));
        if (current.state == BadgeState.VALID) {
            badges.revoke(current.id, reason, BY);
        }
    }

    /** A party created by this registration's deduplication takes part without a look for a part it cannot have. */
    private void participate(long exhibitionId, PartyRef party, String role, boolean createdNow) {
        if (createdNow) {
            contacts.participateNew(exhibitionId, party, role);
        } else {
            contacts.participate(exhibitionId, party, role);
        }
    }
}
