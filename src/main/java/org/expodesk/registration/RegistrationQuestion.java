package org.expodesk.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A question a category's registrants answer, possibly only after a given answer to another. */
@Entity
@EntityListeners(SetupVersionListener.class)
@Table(name = "registration_question")
public class RegistrationQuestion extends AuditedEntity {

    public enum Kind { TEXT, SINGLE_CHOICE, MULTIPLE_CHOICE, COUNTRY, YES_NO }

    /** One choice of a choice question. */
    public record Option(String value, String labelEn, String labelZh) {

        public String label(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? labelZh : labelEn;
        }
    }

    @Column(name = "category_id", nullable = false, updatable = false)
    public Long categoryId;

    @Column(nullable = false, length = 32, updatable = false)
    public String code;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public Kind kind;

    @Column(name = "label_en", nullable = false, length = 300)
    public String labelEn;

    @Column(name = "label_zh", nullable = false, length = 300)
    public String labelZh;

    /** One choice a line: {@code value|English|Chinese}. */
    @Column(length = 4000)
    public String options;

    @Column(nullable = false)
    public boolean required;

    /** Asked only when the question with this code was answered {@link #shownIfAnswer}. */
    @Column(name = "shown_if_code", length = 32)
    public String shownIfCode;

    @Column(name = "shown_if_answer", length = 100)
    public String shownIfAnswer;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    /** A new question asking what {@code q} asks: its content, not its identity nor its category. */
    static RegistrationQuestion askingAs(RegistrationQuestion q) {
        RegistrationQuestion copy = new RegistrationQuestion();
        copy.code = q.code;
        copy.kind = q.kind;
        copy.labelEn = q.labelEn;
        copy.labelZh = q.labelZh;
        copy.options = q.options;
        copy.required = q.required;
        copy.shownIfCode = q.shownIfCode;
        copy.shownIfAnswer = q.shownIfAnswer;
        copy.sortOrder = q.sortOrder;
        return copy;
    }

    public String label(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? labelZh : labelEn;
    }

    public List<Option> optionList() {
        List<Option> list = new ArrayList<>();
        if (options == null) {
            return list;
        }
        for (String line : options.split("\n")) {
            String[] parts = line.split("\\|", -1);
            if (parts.length == 3 && !parts[0].isBlank()) {
                list.add(new Option(parts[0].trim(), parts[1].trim(), parts[2].trim()));
            }
        }
        return list;
    }

    public boolean isConditional() {
        return shownIfCode != null;
    }
}
