package org.expodesk.followup.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

/** An answer's score, 1 to 5, for one aspect; an aspect left out has no row. */
@Entity
@Table(name = "survey_score")
public class SurveyScore extends AuditedEntity {

    @Column(name = "answer_id", nullable = false, updatable = false)
    public Long answerId;

    @Column(name = "aspect_id", nullable = false, updatable = false)
    public Long aspectId;

    @Column(nullable = false)
    public int score;
}
