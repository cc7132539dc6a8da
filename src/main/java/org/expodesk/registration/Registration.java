package org.expodesk.registration;

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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** One person's registration for one edition. */
@Entity
@Table(name = "registration")
@org.expodesk.audit.ReservedIds(table = "registration", block = 1000)
public class Registration extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    @Column(name = "category_id", nullable = false)
    public Long categoryId;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    /** The company found or made for {@link #organizationName}; null until the registrant is deduplicated. */
    @Column(name = "organization_id")
    public Long organizationId;

    /** The company as the registrant typed it: the badge and the mail print it. */
    @Column(name = "organization_name", length = 300)
    public String organizationName;

    /** The address registered with, lower case: a second submit with it finds this registration. */
    @Column(nullable = false, length = 254)
    public String email;

    @Column(length = 2)
    public String country;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 24)
    public RegistrationStatus status;

    /** ISO dates, comma separated. */
    @Column(nullable = false, length = 400)
    public String days;

    /** The registrant's language, a BCP 47 tag: their mails are in it. */
    @Column(nullable = false, length = 16)
    public String language;

    /** The answers as JSON, question code to text or list; they may name people or companies. */
    @AuditRedacted
    @Column(columnDefinition = "TEXT")
    public String answers;

    @Column(name = "invitation_id")
    public Long invitationId;

    @Column(name = "idempotency_key", length = 100, updatable = false)
    public String idempotencyKey;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by", length = 64)
    public String decidedBy;

    @Column(name = "decision_reason", length = 500)
    public String decisionReason;

    /**
     * What deduplicating the registrant found for staff to see ({@link RegistrantDedup.Finding}); null when
     * nothing needed telling.
     */
    @Column(name = "dedup_finding", length = 32)
    public String dedupFinding;

    /** What a {@link RegistrationStatus#DUPLICATE} was before (confirmed or awaiting verification): reinstated as. */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status_before_duplicate", length = 24)
    public RegistrationStatus statusBeforeDuplicate;

    /** The badge this registration was given once it counted (null while a buyer awaits verification). */
    @jakarta.persistence.Column(name = "badge_id")
    public Long badgeId;

    public List<LocalDate> dayList() {
        return Arrays.stream(days.split(",")).filter(s -> !s.isBlank()).map(LocalDate::parse).toList();
    }
}
