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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What people agreed to: recorded, never changed; a withdrawal is a new record. */
@ApplicationScoped
@Transactional
public class Consents {

    @Inject
    Clock clock;

    @Inject
    People people;

    public record NewConsent(String purpose, Boolean granted, Instant at, String channel, String textVersion,
                             String note) {
    }

    public Consent record(long personId, NewConsent r, String by) {
        Person p = people.live(personId);
        List<FieldError> errors = new ArrayList<>();
        Consent c = new Consent();
        c.personId = p.id;
        c.purpose = Contacts.parse(Consent.Purpose.class, r.purpose(), "purpose", errors);
        if (r.granted() == null) {
            errors.add(new FieldError("granted", "field_required"));
        }
        c.granted = Boolean.TRUE.equals(r.granted());
        Instant now = Instant.now(clock);
        if (r.at() != null && r.at().isAfter(now)) {
            errors.add(new FieldError("at", "party_consentInFuture"));
        }
        c.occurredAt = r.at() == null ? now : r.at();
        c.channel = Contacts.parse(Consent.Channel.class, r.channel(), "channel", errors);
        c.textVersion = FieldChecks.text(r.textVersion(), "textVersion", 50, false, errors);
        c.note = FieldChecks.text(r.note(), "note", 500, false, errors);
        c.recordedBy = by;
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        c.persist();
        return c;
    }

    /** Every record, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Consent> history(long personId) {
        return Consent.list("personId", Sort.descending("occurredAt", "id"), personId);
    }

    /** The latest record per purpose. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Consent> current(long personId) {
        Map<Consent.Purpose, Consent> latest = new LinkedHashMap<>();
        for (Consent c : history(personId)) {
            latest.putIfAbsent(c.purpose, c);
        }
        return List.copyOf(latest.values());
    }

    /** Of these people, those whose latest record for the purpose refuses or withdraws it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Set<Long> refusing(Consent.Purpose purpose, java.util.Collection<Long> personIds) {
        java.util.Set<Long> refusing = new java.util.HashSet<>();
        if (personIds.isEmpty()) {
            return refusing;
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Consent c : Consent.<Consent>list("purpose = ?1 and personId in ?2", Sort.descending("occurredAt", "id"),
                purpose, personIds)) {
            if (seen.add(c.personId) && !c.granted) {
                refusing.add(c.personId);
            }
        }
        return refusing;
    }
}
