package org.expodesk.party.imports.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * An upload to the API is a multipart form, which the CSRF filter checks like a page's form. The
 * API accepts bearer tokens only, never the session cookie, and a browser never adds a bearer
 * token to a cross-site form on its own, so a bearer request cannot be forged that way: such an
 * upload is given a matching one-off CSRF cookie and header before the filter sees it.
 */
@ApplicationScoped
public class BearerUploads {

    private static final SecureRandom RANDOM = new SecureRandom();

    void install(@Observes Router router) {
        router.post("/api/imports").order(Integer.MIN_VALUE + 1).handler(context -> {
            var request = context.request();
            String authorization = request.getHeader("Authorization");
            String type = request.getHeader("Content-Type");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
                byte[] bytes = new byte[16];
                RANDOM.nextBytes(bytes);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                request.headers().set("X-CSRF-Token", token);
                request.headers().set("Cookie", "expodesk_csrf=" + token);
            }
            context.next();
        });
    }
}
