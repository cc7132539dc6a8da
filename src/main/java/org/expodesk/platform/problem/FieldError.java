package org.expodesk.platform.problem;

/** One invalid field of a request: the field's name as the client sent it, and why. */
public record FieldError(String field, String message) {
}
