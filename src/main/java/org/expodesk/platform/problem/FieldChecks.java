package org.expodesk.platform.problem;

import java.util.List;

/** Checks every feature's input needs, each adding a field error rather than throwing. */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** Trimmed text of at most {@code max} characters; null if blank (an error when required). */
    public static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "field_required"));
            }
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "field_tooLong"));
        }
        return value.trim();
    }
}
