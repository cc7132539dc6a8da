package org.expodesk.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response. Pages allow scripts and styles from our own origin only
 * (no inline script, so an injected {@code <script>} does not run); only the Swagger UI under
 * {@code /q/} needs inline code and gets its own, looser policy.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";
    static final String TOOLS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self';"
            + " frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            boolean tools = context.normalizedPath().startsWith("/q/");
            boolean tls = context.request().isSSL() || "https".equalsIgnoreCase(context.request().scheme());
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("Content-Security-Policy", tools ? TOOLS_POLICY : PAGE_POLICY);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
                if (tls) {
                    headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                }
                if (!headers.contains("Cache-Control") && !context.normalizedPath().startsWith("/webjars/")
                        && !context.normalizedPath().startsWith("/css/") && !context.normalizedPath().startsWith("/js/")) {
                    headers.set("Cache-Control", "no-store");
                }
            });
            context.next();
        });
    }
}
