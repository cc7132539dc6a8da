package org.expodesk.party.imports;

import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.Problem;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.ProblemType;

import java.util.ArrayList;
import java.util.List;

/** A file refused before anything is written: the API shows problem+json, the wizard the message. */
public class ImportRefused extends ProblemException {

    private final String messageKey;
    private final Integer line;

    ImportRefused(ProblemType type, String messageKey, String detail, Integer line) {
        super(problem(type, messageKey, detail, line));
        this.messageKey = messageKey;
        this.line = line;
    }

    private static Problem problem(ProblemType type, String messageKey, String detail, Integer line) {
        List<FieldError> errors = new ArrayList<>();
        errors.add(new FieldError("file", messageKey));
        if (line != null) {
            errors.add(new FieldError("line", String.valueOf(line)));
        }
        return Problem.of(type, detail).withErrors(errors);
    }

    public String messageKey() {
        return messageKey;
    }

    /** The line (CSV) or row where the file went wrong, if one. */
    public Integer line() {
        return line;
    }

    static ImportRefused unsupported(String key, String detail) {
        return new ImportRefused(ProblemType.UNSUPPORTED_MEDIA_TYPE, key, detail, null);
    }

    static ImportRefused invalid(String key, String detail, Integer line) {
        return new ImportRefused(ProblemType.VALIDATION, key, detail, line);
    }

    static ImportRefused unprocessable(String key, String detail) {
        return new ImportRefused(ProblemType.UNPROCESSABLE, key, detail, null);
    }

    static ImportRefused tooLarge(String detail) {
        return new ImportRefused(ProblemType.TOO_LARGE, "party_import_tooLarge", detail, null);
    }
}
