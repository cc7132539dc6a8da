package org.expodesk.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;

/** A contact with a party: call, mail, meeting, visit or note, maybe with a follow-up date. */
@Entity
@Table(name = "interaction")
public class Interaction extends AuditedEntity {

    @Column(name = "organization_id")
    public Long organizationId;

    @Column(name = "person_id")
    public Long personId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public InteractionKind kind;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The staff member who had the contact; the follow-up lands in their list. */
    @Column(name = "staff_id")
    public Long staffId;

    @Column(nullable = false, length = 2000)
    public String summary;

    @Column(length = 1000)
    public String outcome;

    @Column(name = "follow_up_on")
    public LocalDate followUpOn;

    @Column(name = "follow_up_done", nullable = false)
    public boolean followUpDone;
}
