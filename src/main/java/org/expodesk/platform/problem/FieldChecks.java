package org.expodesk.platform.problem;

import java.util.List;

/** Checks every feature's input needs, each adding a field error rather than throwing. */
public final class FieldChecks {

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private FieldChecks() {
    }

    /** An e-mail address as far as its shape goes; whether it exists only a mail can tell. */
    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
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
