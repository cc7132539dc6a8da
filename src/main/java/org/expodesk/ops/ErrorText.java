package org.expodesk.ops;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * A failure as a short line for the run history, shown to administrators: the exception's
 * simple name and first line of its message, with credentials in URLs and anything named like a
 * password, secret, token or key masked. Stack traces stay in the log.
 */
final class ErrorText {

    static final int MAX_LENGTH = 300;

    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]+@");
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|token|api[-_]?key|authorization|credentials?)(\\s*[=:]\\s*)[^\\s,;)\\]}]+");

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");

    private ErrorText() {
    }

    static String of(Throwable thrown) {
        Throwable failure = unwrap(thrown);
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName();
        if (message != null && !message.isBlank()) {
            text += ": " + message.strip().lines().findFirst().orElse("");
        }
        text = URL_CREDENTIALS.matcher(text).replaceAll("***@");
        text = NAMED_SECRET.matcher(text).replaceAll("$1$2***");
        text = BEARER.matcher(text).replaceAll("$1 ***");
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** The job's own exception, not the wrappers Quarkus and the JDK put around it on the way back. */
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof InvocationTargetException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
