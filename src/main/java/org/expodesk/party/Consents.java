package org.expodesk.party;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.audit.AuditLog;
import org.expodesk.platform.db.UtcColumns;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    @Inject
    AuditLog auditLog;

    public record NewConsent(String purpose, Boolean granted, Instant at, String channel, String textVersion,
                             String note) {
    }

    public Consent record(long personId, NewConsent r, String by) {
        Consent c = draft(people.live(personId), r, by);
        c.persist();
        return c;
    }

    /**
     * {@link #record} for several records of one person at once, in one statement (plain SQL: Hibernate inserts a
     * record with a database-made id alone), each audited as if Hibernate had inserted it. A public registration
     * records three.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Consent> recordAll(long personId, List<NewConsent> records, String by) {
        return recordAll(List.of(new OfPerson(personId, records, null)), by);
    }

    /** The records of one person, made by {@code who} ({@code null}: as the transaction acts, AuditLog.actAs). */
    public record OfPerson(long personId, List<NewConsent> records, AuditLog.Who who) {
    }

    /**
     * {@link #recordAll(long, List, String)} for several people at once, still in one statement: the public submits a
     * node decides together (ADR 0031), each person's records audited as made by whoever made them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Consent> recordAll(List<OfPerson> batch, String by) {
        List<Consent> made = new ArrayList<>();
        List<AuditLog.Who> madeBy = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (OfPerson of : batch) {
            Person p = people.live(of.personId());
            for (NewConsent r : of.records()) {
                Consent c = draft(p, r, by);
                c.createdAt = now;
                c.updatedAt = now;
                made.add(c);
                madeBy.add(of.who());
            }
        }
        if (made.isEmpty()) {
            return made;
        }
        Consent.getEntityManager().unwrap(Session.class).doWork(connection -> {
            // no RETURNING (MariaDB only): a multi-row insert of known rows is a "simple insert", whose ids InnoDB gives
            // consecutively in every auto-increment lock mode, so the driver's generated keys are the rows' ids in order
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consent (person_id, purpose,"
                    + " granted, occurred_at, channel, text_version, note, recorded_by, created_at, updated_at, version)"
                    + " VALUES " + String.join(", ", java.util.Collections.nCopies(made.size(),
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")), java.sql.Statement.RETURN_GENERATED_KEYS)) {
                int i = 1;
                for (Consent c : made) {
                    insert.setLong(i++, c.personId);
                    insert.setString(i++, c.purpose.name());
                    insert.setBoolean(i++, c.granted);
                    UtcColumns.bind(insert, i++, c.occurredAt);
                    insert.setString(i++, c.channel.name());
                    insert.setString(i++, c.textVersion);
                    insert.setString(i++, c.note);
                    insert.setString(i++, c.recordedBy);
                    UtcColumns.bind(insert, i++, now);
                    UtcColumns.bind(insert, i++, now);
                }
                insert.executeUpdate();
                try (ResultSet ids = insert.getGeneratedKeys()) {
                    for (Consent c : made) {
                        if (!ids.next()) {
                            throw new IllegalStateException("fewer consent ids returned than consents inserted");
                        }
                        c.id = ids.getLong(1);
                    }
                }
            }
        });
        for (int i = 0; i < made.size(); i++) {
            auditLog.recordCreated(made.get(i), madeBy.get(i));
        }
        return made;
    }

    private Consent draft(Person p, NewConsent r, String by) {
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
