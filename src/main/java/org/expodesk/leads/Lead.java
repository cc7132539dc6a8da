package org.expodesk.leads;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditRedacted;
import org.expodesk.audit.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * A visitor an exhibitor scanned at its booth: one per exhibitor organization, edition and person.
 * What the exhibitor may see of the person is decided when it is read (docs/leads.md), never copied here.
 */
@Entity
@Table(name = "lead")
public class Lead extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    @Column(name = "organization_id", nullable = false, updatable = false)
    public Long organizationId;

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    /** The badge scanned first. */
    @Column(name = "badge_id", nullable = false, updatable = false)
    public Long badgeId;

    @Column(name = "category_code", nullable = false, length = 16)
    public String categoryCode;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 8)
    public LeadRating rating;

    /** The exhibitor's own words about the visitor: the audit log says only that they changed. */
    @AuditRedacted
    @Column(columnDefinition = "TEXT")
    public String notes;

    /** Comma separated. */
    @Column(length = 500)
    public String tags;

    /** Answers to the qualifying questions as JSON, question id to text. */
    @AuditRedacted
    @Column(columnDefinition = "TEXT")
    public String answers;

    @Column(name = "first_scanned_at", nullable = false)
    public Instant firstScannedAt;

    @Column(name = "last_scanned_at", nullable = false)
    public Instant lastScannedAt;

    /** The user name of who scanned first. */
    @Column(name = "scanned_by", nullable = false, length = 64)
    public String scannedBy;
}
