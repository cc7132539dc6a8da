package org.expodesk.party;

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
 * One thing a person agreed to or withdrew. Rows are only ever added: a withdrawal is a new row,
 * and the current state of a purpose is its latest row.
 */
@Entity
@Table(name = "consent")
public class Consent extends AuditedEntity {

    public enum Purpose { TERMS, LEAD_SHARING, MARKETING, SURVEYS, PHOTOS }

    public enum Channel { WEB_FORM, IMPORT, ON_SITE, PHONE, EMAIL, PORTAL }

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    public Purpose purpose;

    /** True: agreed; false: withdrawn or refused. */
    @Column(nullable = false)
    public boolean granted;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public Channel channel;

    /** The version of the text the person saw, e.g. "privacy-2026-09". */
    @Column(name = "text_version", length = 50)
    public String textVersion;

    @AuditRedacted
    @Column(length = 500)
    public String note;

    /** The user who recorded it. */
    @Column(name = "recorded_by", nullable = false, length = 64)
    public String recordedBy;
}
