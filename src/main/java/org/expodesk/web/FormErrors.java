package org.expodesk.web;

import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.i18n.Messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Field errors of a form, translated, keyed by field name, for re-rendering the form. */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final Locale locale;

    public FormErrors(Locale locale) {
        this.locale = locale;
    }

    public FormErrors add(String field, String messageKey, Object... args) {
        byField.putIfAbsent(field, Messages.text(locale, messageKey, args));
        return this;
    }

    public FormErrors addAll(ProblemException problem) {
        List<FieldError> errors = problem.problem().errors();
        if (errors == null || errors.isEmpty()) {
            add("form", problem.getMessage());
        } else {
            errors.forEach(e -> add(e.field(), e.message()));
        }
        return this;
    }

    /** A date from a form field: empty is none, anything else must be YYYY-MM-DD (else an error here). */
    public java.time.LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            add(field, "field_dateInvalid");
            return null;
        }
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Map<String, String> map() {
        return byField;
    }
}
