package org.expodesk.followup.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

import java.util.Locale;

/** Something a respondent scores 1 to 5, such as the venue; an inactive one is no longer asked. */
@Entity
@Table(name = "survey_aspect")
public class SurveyAspect extends AuditedEntity {

    @Column(name = "survey_id", nullable = false, updatable = false)
    public Long surveyId;

    /** Stable within the survey: the CSV columns and the API name aspects by it. */
    @Column(nullable = false, length = 32, updatable = false)
    public String code;

    @Column(name = "label_en", nullable = false, length = 200)
    public String labelEn;

    @Column(name = "label_zh", nullable = false, length = 200)
    public String labelZh;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Column(nullable = false)
    public boolean active = true;

    /** The label in the reader's language: Chinese for any Chinese locale, else English. */
    public String label(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? labelZh : labelEn;
    }
}
