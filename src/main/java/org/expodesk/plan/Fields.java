package org.expodesk.plan;

import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.platform.problem.FieldError;

import java.util.List;
import java.util.Optional;

/** The checks the plan's services share, each adding a field error rather than throwing. */
final class Fields {

    private Fields() {
    }

    /** A staff member by id or user name; none if blank. */
    static Long staff(UserService users, String reference, String field, List<FieldError> errors) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        Optional<UserAccount> user = users.findStaff(reference);
        if (user.isEmpty()) {
            errors.add(new FieldError(field, "task_unknownStaff"));
            return null;
        }
        return user.get().id;
    }

    /** Trimmed text of at most {@code max} characters; null if blank (an error when required). */
    static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
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
