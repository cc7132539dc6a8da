package org.expodesk.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.platform.Roles;

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
                          @QueryParam("from") Instant from, @QueryParam("until") Instant until,
                          @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        AuditQuery.Result result = query.find(new AuditQuery.Filter(actor, action, entityType, entityId, from, until),
                page, size);
        return new EntryList(result.items().stream().map(EntryView::of).toList(), result.total());
    }
}
