package org.expodesk.party;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Interactions with parties (交往信息), their follow-ups, and participations per edition. */
@ApplicationScoped
@Transactional
public class Contacts {

    @Inject
    Clock clock;

    @Inject
    Organizations organizations;

    @Inject
    People people;

    public Interaction record(PartyRef party, String kind, Instant at, String summary, String outcome,
                              LocalDate followUpOn, Long staffId) {
        List<FieldError> errors = new ArrayList<>();
        Interaction i = new Interaction();
        Owners owners = owners(party);
        i.organizationId = owners.organizationId();
        i.personId = owners.personId();
        i.kind = parse(InteractionKind.class, kind, "kind", errors);
        i.occurredAt = at == null ? Instant.now(clock) : at;
        i.summary = FieldChecks.text(summary, "summary", 2000, true, errors);
        i.outcome = FieldChecks.text(outcome, "outcome", 1000, false, errors);
        i.followUpOn = followUpOn;
        i.staffId = staffId;
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        i.persist();
        return i;
    }

    /** Adds a party's part at an edition; the same part twice is kept once. */
    public Participation participate(long exhibitionId, PartyRef party, String role) {
        List<FieldError> errors = new ArrayList<>();
        ParticipationRole r = parse(ParticipationRole.class, role, "role", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Long organizationId = party.kind() == PartyRef.Kind.ORGANIZATION ? party.id() : null;
        Long personId = party.kind() == PartyRef.Kind.PERSON ? party.id() : null;
        check(party);
        return Participation.<Participation>find("exhibitionId = ?1 and organizationId is not distinct from ?2"
                        + " and personId is not distinct from ?3 and role = ?4", exhibitionId, organizationId, personId, r)
                .firstResultOptional().orElseGet(() -> {
                    Participation p = new Participation();
                    p.exhibitionId = exhibitionId;
                    p.organizationId = organizationId;
                    p.personId = personId;
                    p.role = r;
                    p.persist();
                    return p;
                });
    }

    /**
     * {@link #participate} for a party this transaction has just created: it exists and has no part anywhere
     * yet, so there is nothing to look for first.
     */
    public Participation participateNew(long exhibitionId, PartyRef party, String role) {
        List<FieldError> errors = new ArrayList<>();
        ParticipationRole r = parse(ParticipationRole.class, role, "role", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Participation p = new Participation();
        p.exhibitionId = exhibitionId;
        p.organizationId = party.kind() == PartyRef.Kind.ORGANIZATION ? party.id() : null;
        p.personId = party.kind() == PartyRef.Kind.PERSON ? party.id() : null;
        p.role = r;
        p.persist();
        return p;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Interaction> interactionsOf(PartyRef party) {
        return party.kind() == PartyRef.Kind.ORGANIZATION
                ? Interaction.list("organizationId", Sort.descending("occurredAt"), party.id())
                : Interaction.list("personId", Sort.descending("occurredAt"), party.id());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Participation> participationsOf(PartyRef party) {
        return party.kind() == PartyRef.Kind.ORGANIZATION
                ? Participation.list("organizationId", Sort.descending("exhibitionId"), party.id())
                : Participation.list("personId", Sort.descending("exhibitionId"), party.id());
    }

    /** Whom a record about a party belongs to: the organization, and the person if it is one. */
    record Owners(Long organizationId, Long personId) {
    }

    Owners owners(PartyRef party) {
        check(party);
        return party.kind() == PartyRef.Kind.ORGANIZATION ? new Owners(party.id(), null)
                : new Owners(people.get(party.id()).organizationId, party.id());
    }

    /** The party exists, else "not found" naming the field. */
    void check(PartyRef party) {
        // a merged record takes no new history: it belongs on the survivor
        boolean exists = party.kind() == PartyRef.Kind.ORGANIZATION ? organizations.exists(party.id())
                : !Person.getEntityManager().createQuery(
                        "select p.id from Person p where p.id = ?1 and p.mergedInto is null", Long.class)
                .setParameter(1, party.id()).getResultList().isEmpty();
        if (!exists) {
            throw ProblemException.invalid("party", "party_unknown");
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldError> errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "party_choiceInvalid"));
            return null;
        }
    }
}
