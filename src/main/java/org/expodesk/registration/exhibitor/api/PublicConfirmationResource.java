package org.expodesk.registration.exhibitor.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.platform.ClientAddress;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.ratelimit.RateLimiter;
import org.expodesk.registration.exhibitor.ExhibitorApplications;
import org.expodesk.registration.exhibitor.ExhibitorApplications.Confirmation;
import org.expodesk.registration.exhibitor.ExhibitorApplications.LinkState;

/**
 * The applicant confirms their e-mail with the token from the mail. The answer carries the
 * exhibitor account's user name and, for a new account, the token of its setup link (the holder of
 * the confirmation token is who the setup link would be mailed to anyway).
 */
@Path("/api/public/exhibitor-applications/confirmations")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicConfirmationResource {

    public record Confirm(String token) {
    }

    public record Confirmed(long application, String status, String username, String setupToken) {
    }

    @Inject
    ExhibitorApplications applications;

    @Inject
    RateLimiter rateLimiter;

    /** 404 for an unknown token, 409 for one used or expired. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Confirmed confirm(@NotNull Confirm r, HttpServerRequest http) {
        rateLimiter.require(PublicApplicationResource.RATE_LIMIT, ClientAddress.of(http));
        Confirmation c = applications.confirm(r.token());
        if (c.state() == LinkState.UNKNOWN) {
            throw ProblemException.notFound("Confirmation link");
        }
        if (c.state() != LinkState.CONFIRMED) {
            throw ProblemException.conflict("application_link_" + c.state().name());
        }
        return new Confirmed(c.application().id, c.application().status.name(), c.username(), c.setupToken());
    }
}
