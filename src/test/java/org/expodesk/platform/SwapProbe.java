package org.expodesk.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Test-only: after Quarkus REST's own auth-failure filter has run, tells a request that asks
 * ({@code X-Swap-Probe}) whether the failure handler in place is {@link AuthFailureHandlerSwap}'s,
 * i.e. whether the swap ran first and so spared the request Quarkus' per-request RequestMapper.
 */
@ApplicationScoped
public class SwapProbe {

    void register(@Observes Filters filters) {
        filters.register(event -> {
            if (event.request().getHeader("X-Swap-Probe") != null) {
                boolean ours = event.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) == AuthFailureHandlerSwap.FAILING;
                event.response().putHeader("X-Swap-Probe", String.valueOf(ours));
            }
            event.next();
        }, SecurityHandlerPriorities.AUTHENTICATION - 2);
    }
}
