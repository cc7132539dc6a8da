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

/**
 * Service feedback (服务反馈): a complaint, request, defect or praise, worked on until resolved.
 * Every change is in the audit log, which is the ticket's history.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends AuditedEntity {

    @Column(name = "organization_id")
    public Long organizationId;

    @Column(name = "person_id")
    public Long personId;

    @Column(name = "exhibition_id")
    public Long exhibitionId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public TicketKind kind;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public TicketPriority priority;

    @Column(nullable = false, length = 500)
    public String summary;

    @Column(columnDefinition = "text")
    public String description;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public TicketStatus status = TicketStatus.NEW;

    @Column(name = "assignee_id")
    public Long assigneeId;

    @Column(name = "sla_due_at", nullable = false)
    public Instant slaDueAt;

    @Column(length = 2000)
    public String resolution;

    @Column(name = "raised_by", nullable = false, length = 64)
    public String raisedBy;
}
