package org.expodesk.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Pages change state only through HTML forms. The CSRF filter checks the token of form posts and
 * lets other content types through (the bearer-token API needs that), so a page request that
 * changes state with any other body is refused here, before anything runs.
 */
public class FormPostsOnly {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true, priority = 100)
    public Response requireForm(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/q/")) {
            return null;
        }
        MediaType type = request.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        return form ? null : Response.status(415).build();
    }
}
