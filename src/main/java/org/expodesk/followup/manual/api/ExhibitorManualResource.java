package org.expodesk.followup.manual.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.followup.manual.ExhibitorDeadline;
import org.expodesk.followup.manual.ExhibitorManuals;
import org.expodesk.platform.Roles;

import java.time.LocalDate;
import java.util.List;

/** An edition's exhibitor manual and deadlines. Staff only; exhibitors read them in their portal. */
@Path("/api/exhibitions/{id}/exhibitor-manual")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ExhibitorManualResource {

    public record DeadlineView(long id, String title, LocalDate dueOn) {
        static DeadlineView of(ExhibitorDeadline d) {
            return new DeadlineView(d.id, d.title, d.dueOn);
        }
    }

    public record ManualView(String url, long version, List<DeadlineView> deadlines) {
        static ManualView of(ExhibitorManuals.Manual m) {
            return new ManualView(m.url(), m.version(), m.deadlines().stream().map(DeadlineView::of).toList());
        }
    }

    /** {@code url} blank or absent: no manual; {@code version} as last read. */
    public record ManualChange(String url, Long version) {
    }

    @Inject
    ExhibitorManuals manuals;

    @GET
    public ManualView get(@PathParam("id") long id) {
        return ManualView.of(manuals.of(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ManualView put(@PathParam("id") long id, @NotNull ManualChange change) {
        return ManualView.of(manuals.setUrl(id, change.url(), change.version()));
    }

    @POST
    @Path("/deadlines")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addDeadline(@PathParam("id") long id, @NotNull ExhibitorManuals.NewDeadline deadline) {
        return Response.status(201).entity(DeadlineView.of(manuals.addDeadline(id, deadline))).build();
    }

    @DELETE
    @Path("/deadlines/{deadlineId}")
    public Response removeDeadline(@PathParam("id") long id, @PathParam("deadlineId") long deadlineId) {
        manuals.removeDeadline(id, deadlineId);
        return Response.noContent().build();
    }
}
