package org.expodesk.leads;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Arrays;
import java.util.List;

/** One of an exhibitor's own qualifying questions for its leads at an edition. */
@Entity
@Table(name = "lead_question")
public class LeadQuestion extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    @Column(name = "organization_id", nullable = false, updatable = false)
    public Long organizationId;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public QuestionKind kind;

    @Column(nullable = false, length = 200)
    public String label;

    /** The choices of a CHOICE question, one per line. */
    @Column(length = 1000)
    public String choices;

    public List<String> choiceList() {
        return choices == null ? List.of() : Arrays.stream(choices.split("\n")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    public String choicesText() {
        return String.join(", ", choiceList());
    }

    public boolean isChoice() {
        return kind == QuestionKind.CHOICE;
    }

    public boolean isYesNo() {
        return kind == QuestionKind.YES_NO;
    }
}
