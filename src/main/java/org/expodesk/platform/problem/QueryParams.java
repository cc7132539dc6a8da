package org.expodesk.platform.problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Query parameters read as text and checked here, so that a malformed one is a 400 naming it (a
 * JAX-RS conversion failure would be a 404, which says the wrong thing).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int integer(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw ProblemException.invalid(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
    }

    public static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant such as 2026-11-22T08:00:00Z");
        }
    }
}
