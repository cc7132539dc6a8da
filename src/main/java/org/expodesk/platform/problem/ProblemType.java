package org.expodesk.platform.problem;

/** The kinds of error the API answers with; the code is part of the API contract. */
public enum ProblemType {
    VALIDATION("validation", "Invalid input", 400),
    MALFORMED("malformed-request", "Malformed request", 400),
    UNAUTHENTICATED("unauthenticated", "Not signed in", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    TOO_LARGE("too-large", "Request too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    UNPROCESSABLE("unprocessable", "Refused", 422),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    INTERNAL("internal", "Internal error", 500),
    UNAVAILABLE("unavailable", "Service unavailable", 503);

    private final String code;
    private final String title;
    private final int status;

    ProblemType(String code, String title, int status) {
        this.code = code;
        this.title = title;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED;
    }
}
