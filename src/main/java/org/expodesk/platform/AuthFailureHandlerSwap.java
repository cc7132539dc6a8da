package org.expodesk.platform;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.function.BiConsumer;

/**
 * Spares every request a {@code RequestMapper} built over all resource classes (docs/adr/0020).
 *
 * <p>Quarkus REST (3.30.6) swaps the authentication handler's default failure handler for its own
 * in a filter right after authentication, so that its exception mappers answer security failures.
 * With the micrometer HTTP binder on, that filter first works out the request's URI template, for
 * the metrics of a request refused before it reaches a resource, by matching the path against a
 * mapper it builds anew each time: a fifth of the event loop's time in a check-in benchmark. This
 * filter runs between the two (same priority as authentication, registered after it) and makes the
 * same swap, so Quarkus' filter finds nothing to do. The template of a refused request is still
 * set, when it is refused: Quarkus' pre-authentication-failure handler sets it then, and a request
 * that reaches a resource method has it from REST's own matching.
 */
@ApplicationScoped
public class AuthFailureHandlerSwap {

    /** Quarkus REST's failure handler, stateless; its class is private, and REST recognizes it by its class. */
    static final BiConsumer<RoutingContext, Throwable> FAILING = restFailureHandler();

    void register(@Observes Filters filters) {
        filters.register(AuthFailureHandlerSwap::swap, SecurityHandlerPriorities.AUTHENTICATION);
    }

    static void swap(RoutingContext event) {
        if (event.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
            event.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, FAILING);
        }
        event.next();
    }

    @SuppressWarnings("unchecked")
    private static BiConsumer<RoutingContext, Throwable> restFailureHandler() {
        try {
            var type = Class.forName(ResteasyReactiveRecorder.class.getName() + "$FailingDefaultAuthFailureHandler", false,
                    ResteasyReactiveRecorder.class.getClassLoader());
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (BiConsumer<RoutingContext, Throwable>) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            // ADR 0003 pins Quarkus; a version without this class needs this filter re-read, not skipped
            throw new IllegalStateException("Quarkus REST's auth failure handler is not where 3.30.6 has it", e);
        }
    }
}
