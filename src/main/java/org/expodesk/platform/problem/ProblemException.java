package org.expodesk.platform.problem;

import java.util.List;

/**
 * A refusal that the domain expects and the client should understand. Services throw it; the
 * web layer turns it into problem+json for the API or an error page for people.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, what + " not found"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(ProblemType.CONFLICT, detail));
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(Problem.of(ProblemType.UNPROCESSABLE, detail));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(Problem.of(ProblemType.VALIDATION, detail).withErrors(errors));
    }
}
