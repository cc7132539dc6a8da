package org.expodesk.inbox;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.audit.Actor;
import org.expodesk.platform.problem.Problem;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.ProblemType;

import java.time.Instant;
import java.util.List;

/** The signed-in user's own notifications. */
@Path("/api/me/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    public record NotificationView(long id, String kind, String subject, String link, Instant createdAt, boolean read) {
    }

    public record NotificationList(List<NotificationView> items, long total, long unread) {
    }

    @Inject
    Inbox inbox;

    @Inject
    SecurityIdentity identity;

    @GET
    public NotificationList list() {
        long me = me();
        List<NotificationView> items = inbox.latest(me, 200).stream()
                .map(n -> new NotificationView(n.id, n.kind, n.subject, n.link, n.createdAt, n.readAt != null)).toList();
        return new NotificationList(items, items.size(), inbox.unread(me));
    }

    @POST
    @Path("/read")
    public void markAllRead() {
        inbox.markAllRead(me());
    }

    private long me() {
        Long me = identity.getAttribute(Actor.USER_ID_ATTRIBUTE);
        if (me == null) {
            // a scanner device is signed in but has no inbox
            throw new ProblemException(Problem.of(ProblemType.FORBIDDEN, "Not allowed"));
        }
        return me;
    }
}
