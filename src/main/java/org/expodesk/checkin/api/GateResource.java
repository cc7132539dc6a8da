package org.expodesk.checkin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.checkin.Gates;
import org.expodesk.platform.Roles;

/** One gate (staff); a {@code PUT} with the {@code version} last read, stale → 409. */
@Path("/api/gates/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class GateResource {

    @Inject
    Gates gates;

    @GET
    public GateViews.GateView get(@PathParam("id") long id) {
        return GateViews.GateView.of(gates.get(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public GateViews.GateView update(@PathParam("id") long id, @NotNull GateViews.GateRequest request) {
        return GateViews.GateView.of(gates.update(id, new Gates.GateInput(request.name(), request.kind(),
                request.zones(), request.categories()), request.version()));
    }

    @DELETE
    public void delete(@PathParam("id") long id) {
        gates.delete(id);
    }
}
