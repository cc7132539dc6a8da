package org.expodesk.web.errors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The error page people see (403, 404, 500, ...): the status and a sentence, nothing internal. */
public final class ErrorPages {

    private ErrorPages() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String titleKey, String messageKey, String reference);
    }

    static TemplateInstance page(int status, String reference) {
        String key = switch (status) {
            case 400 -> "error_400";
            case 401 -> "error_401";
            case 403 -> "error_403";
            case 404 -> "error_404";
            case 405 -> "error_405";
            case 409 -> "error_409";
            case 413 -> "error_413";
            case 415 -> "error_415";
            case 422 -> "error_422";
            case 429 -> "error_429";
            default -> status >= 500 ? "error_500" : "error_400";
        };
        return Templates.error(status, key + "_title", key + "_text", reference);
    }

    /** The page as text, for places that cannot hand a template to the writer. */
    public static String render(int status) {
        return page(status, null).render();
    }
}
