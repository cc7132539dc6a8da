package org.expodesk.web.i18n;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.expodesk.account.CurrentUser;
import org.expodesk.account.SignedInUser;

import java.util.Locale;

/**
 * The language of this request: for pages, the signed-in user's setting, else the language
 * cookie set by the switcher, else the browser's Accept-Language, else English; for the API, its
 * Accept-Language first.
 */
@RequestScoped
public class RequestLocale {

    public static final String COOKIE = "expodesk_lang";

    @Inject
    CurrentUser currentUser;

    @Inject
    CurrentVertxRequest currentRequest;

    private Locale resolved;

    public Locale get() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    private Locale resolve() {
        HttpServerRequest http = currentRequest.getCurrent() == null ? null : currentRequest.getCurrent().request();
        // an API client that names a language gets it, whatever its user chose for the pages
        if (http != null && http.path().startsWith("/api/") && http.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
            return fromAcceptLanguage(http.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        }
        String setting = currentUser.get().map(SignedInUser::locale).orElse(null);
        if (setting != null) {
            return Messages.forTag(setting);
        }
        HttpServerRequest request = currentRequest.getCurrent() == null ? null : currentRequest.getCurrent().request();
        if (request == null) {
            return Messages.ENGLISH;
        }
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie != null && !cookie.getValue().isBlank()) {
            return Messages.forTag(cookie.getValue());
        }
        return fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Messages.ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("zh")) {
                    return Messages.CHINESE;
                }
                if (tag.startsWith("en")) {
                    return Messages.ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Messages.ENGLISH;
        }
        return Messages.ENGLISH;
    }
}
