package org.expodesk.badge.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.expodesk.badge.Badge;
import org.expodesk.badge.BadgePdfs;
import org.expodesk.badge.BadgeState;
import org.expodesk.badge.Badges;
import org.expodesk.platform.ClientAddress;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.ratelimit.RateLimiter;

/**
 * A badge holder without an account downloads the badge by the unguessable link of the
 * confirmation mail ({@link Badges#publicPdfPath}), which keeps working when staff reissue the
 * badge (the replacement is served). Only a valid badge is served; unknown tokens
 * are rate-limited per client address so that guessing is slowed down further.
 */
@Path("/badges/{token}.pdf")
@PermitAll
public class PublicBadgeResource {

    static final String LIMIT = "badge-download-miss";

    @Inject
    Badges badges;

    @Inject
    BadgePdfs pdfs;

    @Inject
    RateLimiter limiter;

    @GET
    @Produces("application/pdf")
    public Response pdf(@PathParam("token") String token, @QueryParam("layout") String layout,
                        @Context HttpServerRequest request) {
        // the mail's link of a badge reissued since (a name fixed) serves the one that replaced it
        Badge b = badges.byAccessToken(token).map(badges::current).filter(x -> x.state == BadgeState.VALID)
                .orElse(null);
        if (b == null) {
            limiter.require(LIMIT, ClientAddress.of(request));
            throw ProblemException.notFound("Badge");
        }
        return BadgeResource.pdfResponse(pdfs.one(b, BadgeResource.layout(layout)), b.id);
    }
}
