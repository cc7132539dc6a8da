package org.expodesk.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.QueryParams;

import java.time.Instant;
import java.util.List;

/** The audit log for administrators, newest first. */
@Path("/api/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record EntryView(long id, Instant at, Long actorId, String actor, String action, String entityType,
                            String entityId, String changes, String detail, String clientIp) {

        static EntryView of(AuditEntry e) {
            return new EntryView(e.id, e.occurredAt, e.actorId, e.actorName, e.action, e.entityType, e.entityId,
                    e.changes, e.detail, e.clientIp);
        }
    }

    public record EntryList(List<EntryView> items, long total) {
    }

    @Inject
    AuditQuery query;

    @GET
    public EntryList list(@QueryParam("actor") String actor, @QueryParam("action") String action,
                          @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
                          @QueryParam("from") String from, @QueryParam("until") String until,
                          @QueryParam("page") String page, @QueryParam("size") String size) {
        AuditQuery.Result result = query.find(new AuditQuery.Filter(actor, action, entityType, entityId,
                        QueryParams.instant(from, "from"), QueryParams.instant(until, "until")),
                QueryParams.integer(page, "page", 0, 0, Integer.MAX_VALUE), QueryParams.integer(size, "size", 50, 1, 200));
        return new EntryList(result.items().stream().map(EntryView::of).toList(), result.total());
    }
}
