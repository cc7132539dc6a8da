package org.expodesk.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditIgnored;
import org.expodesk.audit.AuditedEntity;
import org.expodesk.mail.MailTemplate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A mail an edition sends by itself: to whom is the {@link RuleKind}'s business, when is a number of
 * days before or after the opening or closing day, what is the rule's own templates in English and
 * Chinese (checked when saved).
 */
@Entity
@Table(name = "followup_rule")
public class FollowUpRule extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false)
    public Long exhibitionId;

    /** {@link RuleKind#key()}. */
    @Column(nullable = false, length = 64)
    public String kind;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public RuleAnchor anchor;

    /** Days after the anchor day; negative is before. */
    @Column(name = "offset_days", nullable = false)
    public int offsetDays;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "subject_en", nullable = false, length = 500)
    public String subjectEn;

    @Column(name = "text_en", nullable = false, columnDefinition = "text")
    public String textEn;

    @Column(name = "html_en", columnDefinition = "text")
    public String htmlEn;

    @Column(name = "subject_zh", nullable = false, length = 500)
    public String subjectZh;

    @Column(name = "text_zh", nullable = false, columnDefinition = "text")
    public String textZh;

    @Column(name = "html_zh", columnDefinition = "text")
    public String htmlZh;

    @AuditIgnored
    @Column(name = "last_run_at")
    public Instant lastRunAt;

    /** Mails the last run queued (new ones; recipients already mailed by an earlier run are not counted). */
    @AuditIgnored
    @Column(name = "last_run_count")
    public Integer lastRunCount;

    public MailTemplate template(String language) {
        return "zh".equals(language) ? new MailTemplate(subjectZh, textZh, htmlZh)
                : new MailTemplate(subjectEn, textEn, htmlEn);
    }

    /** The day the rule fires: the anchor day of the edition moved by the offset. */
    public LocalDate dueDay(LocalDate opensOn, LocalDate closesOn) {
        return (anchor == RuleAnchor.OPENING ? opensOn : closesOn).plusDays(offsetDays);
    }

    /** The purpose of this rule's mails, and the first part of their keys; a daily digest's carries its day. */
    public String purpose(boolean daily, LocalDate day) {
        return "rule:" + id + (daily ? ":" + day : "");
    }
}
