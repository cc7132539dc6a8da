package org.expodesk.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem document, the body of every API error. {@code type} is a stable
 * identifier clients may switch on; {@code title} and {@code detail} are for people.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      List<String> allowed) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:expodesk:problem:";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(TYPE_PREFIX + type.code(), type.title(), type.status(), detail, List.of(), List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, List.copyOf(fieldErrors), allowed);
    }

    public Problem withAllowed(List<String> allowedActions) {
        return new Problem(type, title, status, detail, errors, List.copyOf(allowedActions));
    }
}
