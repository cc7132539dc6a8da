package org.expodesk.plan;

import java.util.Locale;
import java.util.Optional;

/** The moves of the control loop: plan → assign → (start, progress) → submit → check → confirm. */
public enum TaskAction {
    ASSIGN, START, PROGRESS, SUBMIT, CHECK, REJECT, CONFIRM, WAIVE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TaskAction> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
