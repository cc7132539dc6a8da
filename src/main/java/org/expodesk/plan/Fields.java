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
}
