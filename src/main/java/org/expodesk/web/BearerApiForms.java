package org.expodesk.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * An upload to the API (an import file) is a multipart form, which the CSRF filter checks like a
 * page's form. The API accepts bearer tokens only, never the session cookie, and a browser never
 * adds a bearer token to a cross-site form on its own, so a bearer request cannot be forged that
 * way: such a request is given a matching one-off CSRF cookie and header before the filter sees
 * it. Page forms (multipart included) stay checked.
 */
@ApplicationScoped
public class BearerApiForms {

    private static final SecureRandom RANDOM = new SecureRandom();

    void install(@Observes Router router) {
        router.post("/api/*").order(Integer.MIN_VALUE + 1).handler(context -> {
            var request = context.request();
            String authorization = request.getHeader("Authorization");
            String type = request.getHeader("Content-Type");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    && type != null && isForm(type.toLowerCase(java.util.Locale.ROOT))) {
                byte[] bytes = new byte[16];
                RANDOM.nextBytes(bytes);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                request.headers().set("X-CSRF-Token", token);
                request.headers().set("Cookie", "expodesk_csrf=" + token);
            }
            context.next();
        });
    }

    private static boolean isForm(String contentType) {
        return contentType.startsWith("multipart/form-data") || contentType.startsWith("application/x-www-form-urlencoded");
    }
}
