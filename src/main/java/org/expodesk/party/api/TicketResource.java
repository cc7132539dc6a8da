package org.expodesk.party.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.audit.AuditQuery;
import org.expodesk.party.PartyRef;
import org.expodesk.party.Ticket;
import org.expodesk.party.Tickets;
import org.expodesk.party.api.PartyViews.TicketView;
import org.expodesk.platform.Roles;

import java.time.Instant;
import java.util.List;

/** Service feedback tickets (服务反馈); a ticket's history is its audit trail. */
@Path("/api/tickets")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    public record NewTicket(String party, Long exhibition, String kind, String priority, String summary,
                            String description) {
    }

    public record Change(String status, String resolution, String assignee) {
    }

    public record Step(Instant at, String by, String action, String changes) {
    }

    public record TicketDetail(TicketView ticket, List<Step> history) {
    }

    @Inject
    Tickets tickets;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditQuery audit;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response raise(@NotNull NewTicket r) {
        Ticket t = tickets.raise(PartyRef.parse(r.party(), "party"), r.exhibition(), r.kind(), r.priority(),
                r.summary(), r.description(), currentUser.require().username());
        return Response.status(201).header("Location", "/api/tickets/" + t.id).entity(TicketView.of(t)).build();
    }

    @GET
    @Path("/{id}")
    public TicketDetail get(@PathParam("id") long id) {
        Ticket t = tickets.get(id);
        List<Step> history = audit.find(new AuditQuery.Filter(null, null, "Ticket", String.valueOf(id), null, null), 0, 200)
                .items().stream().map(e -> new Step(e.occurredAt, e.actorName, e.action, e.changes)).toList();
        return new TicketDetail(TicketView.of(t), history);
    }

    /** {@code {status?, resolution?, assignee?}}; 409 names the statuses open from here. */
    @POST
    @Path("/{id}/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    public TicketView change(@PathParam("id") long id, @NotNull Change change) {
        tickets.move(id, change.status(), change.resolution(), change.assignee());
        return TicketView.of(tickets.get(id));
    }
}
