package org.expodesk.followup.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditRedacted;
import org.expodesk.audit.AuditedEntity;
import org.expodesk.party.ParticipationRole;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * A person's one invitation to an edition's survey. Only the SHA-256 of the link's token is
 * kept; issuing again replaces it (see {@link SurveyInvitations#issue}).
 */
@Entity
@Table(name = "survey_invitation")
public class SurveyInvitation extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Column(name = "organization_id")
    public Long organizationId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public ParticipationRole role;

    @AuditRedacted
    @Column(name = "token_hash", nullable = false, length = 64, columnDefinition = "CHAR(64)")
    public String tokenHash;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "answered_at")
    public Instant answeredAt;
}
