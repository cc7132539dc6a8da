package org.expodesk.checkin.api;

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
import org.expodesk.checkin.Gate;
import org.expodesk.checkin.Gates;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;

import java.net.URI;
import java.util.List;

/** An edition's gates (staff). */
@Path("/api/exhibitions/{exhibitionId}/gates")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ExhibitionGatesResource {

    @Inject
    Gates gates;

    @Inject
    ExhibitionService exhibitions;

    @GET
    public GateViews.GateList list(@PathParam("exhibitionId") long exhibitionId) {
        exhibitions.get(exhibitionId);
        List<GateViews.GateView> items = gates.list(exhibitionId).stream().map(GateViews.GateView::of).toList();
        return new GateViews.GateList(items, items.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("exhibitionId") long exhibitionId, @NotNull GateViews.GateRequest request) {
        Gate gate = gates.create(exhibitionId, new Gates.GateInput(request.name(), request.kind(), request.zones(),
                request.categories()));
        return Response.created(URI.create("/api/gates/" + gate.id)).entity(GateViews.GateView.of(gate)).build();
    }
}
