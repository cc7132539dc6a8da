package org.expodesk.party.pages;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the organization and person pages share about their forms: a change is made and the page
 * shown again with a flash, or refused and the form shown again with the errors, nothing lost.
 */
final class RecordForms {

    private RecordForms() {
    }

    /**
     * Runs the change and returns to {@code page} with the flash {@code doneKey}; a refusal shows
     * {@code form} again with the errors (409 for a stale version, else 400). Not found stays an
     * error page.
     */
    static Response act(Runnable change, String page, String doneKey, Locale locale,
                        Function<Map<String, String>, TemplateInstance> form) {
        try {
            change.run();
            return Pages.redirectWithFlash(page, doneKey);
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            Map<String, String> errors = new FormErrors(locale).addAll(refused).map();
            return Response.status(refused.problem().status() == 409 ? 409 : 400).entity(form.apply(errors)).build();
        }
    }

    /** The version the edit form was loaded with; -1 (never current) when it is missing or garbled. */
    static long version(MultivaluedMap<String, String> form) {
        try {
            return Long.parseLong(String.valueOf(form.getFirst("version")));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A field of an edit form as typed: every field is sent, so one left out counts as emptied. */
    static String text(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value;
    }

    /** The form's values, to show again as typed. */
    static Map<String, String> typed(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        return values;
    }
}
