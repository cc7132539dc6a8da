package org.expodesk.plan.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.expodesk.account.CalendarLinks;
import org.expodesk.account.Role;
import org.expodesk.account.SignedInUser;
import org.expodesk.plan.CalendarFeed;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.i18n.Messages;

/** A user's task deadlines for their calendar application; the secret in the address is the credential. */
@Path("/calendar/{secret}.ics")
public class CalendarFeedResource {

    @Inject
    CalendarLinks links;

    @Inject
    CalendarFeed feed;

    @GET
    @PermitAll
    @Produces("text/calendar; charset=UTF-8")
    public Response feed(@PathParam("secret") String secret, @Context UriInfo uri) {
        SignedInUser user = links.owner(secret).filter(u -> u.role() == Role.STAFF || u.role() == Role.ADMIN)
                .orElseThrow(() -> ProblemException.notFound("Calendar"));
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        return Response.ok(feed.forUser(user.userId(), Messages.forTag(user.locale()), base))
                .header("Content-Disposition", "inline; filename=\"expodesk.ics\"").build();
    }
}
