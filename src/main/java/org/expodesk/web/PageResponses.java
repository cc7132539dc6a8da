package org.expodesk.web;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.web.errors.ErrorPages;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * An error answered on a page without a body (a refused CSRF token, say) still gets a readable
 * error page.
 */
public class PageResponses {

    @ServerResponseFilter
    public Uni<Void> finish(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        String path = http.path();
        if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/q/")) {
            return Uni.createFrom().voidItem();
        }
        if (response.getStatus() >= 400 && !response.hasEntity() && !"HEAD".equals(request.getMethod())) {
            // rendering may need the signed-in user, which may need the database: not on the I/O thread
            return Uni.createFrom().item(() -> ErrorPages.render(response.getStatus()))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .invoke(html -> response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")))
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
