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

/** One person's answer to an edition's survey; the scores per aspect are {@link SurveyScore}s. */
@Entity
@Table(name = "survey_answer")
public class SurveyAnswer extends AuditedEntity {

    @Column(name = "invitation_id", nullable = false, updatable = false)
    public Long invitationId;

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "organization_id")
    public Long organizationId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public ParticipationRole role;

    /** How likely to recommend the show, 0 to 10. */
    @Column(nullable = false)
    public int nps;

    /** Free text may name people: the audit log records that it was written, not what. */
    @AuditRedacted
    @Column(length = 4000)
    public String comment;

    /** The language the form was answered in, a BCP 47 tag. */
    @Column(nullable = false, length = 16)
    public String language;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;
}
