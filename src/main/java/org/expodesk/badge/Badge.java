package org.expodesk.badge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditRedacted;
import org.expodesk.audit.AuditedEntity;
import org.expodesk.audit.ReservedIds;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A person's badge for one edition, with what is printed on it as the caller gave it (registration
 * owns the categories; a badge keeps their code, label and colour as they were at issue).
 */
@Entity
@Table(name = "badge")
@ReservedIds(table = "badge", block = 100)
public class Badge extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Column(name = "holder_name", nullable = false, length = 200)
    public String holderName;

    @Column(name = "organization_id")
    public Long organizationId;

    @Column(name = "organization_name", length = 200)
    public String organizationName;

    @Column(name = "category_code", nullable = false, length = 16)
    public String categoryCode;

    @Column(name = "category_label", nullable = false, length = 100)
    public String categoryLabel;

    /** {@code #RRGGBB}. */
    @Column(name = "category_colour", nullable = false, length = 7, columnDefinition = "CHAR(7)")
    public String categoryColour;

    @Column(name = "first_day", nullable = false)
    public LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    public LocalDate lastDay;

    /** Zone codes, comma-separated; empty: no zones beyond the halls. */
    @Column(nullable = false, length = 500)
    public String zones = "";

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public BadgeState state;

    @Column(name = "state_changed_at")
    public Instant stateChangedAt;

    @Column(name = "state_changed_by", length = 100)
    public String stateChangedBy;

    @Column(name = "state_reason", length = 500)
    public String stateReason;

    /** The badge that superseded this one. */
    @Column(name = "replaced_by")
    public Long replacedBy;

    @Column(name = "signing_key_id", nullable = false, updatable = false)
    public Long signingKeyId;

    /** The text of the QR code exactly as a scanner reads it. */
    @Column(length = 400)
    public String code;

    @AuditRedacted
    @Column(name = "access_token_hash", nullable = false, length = 64, columnDefinition = "CHAR(64)")
    public String accessTokenHash;

    public List<String> zoneList() {
        return zones == null || zones.isEmpty() ? List.of() : Arrays.asList(zones.split(","));
    }
}
