package org.expodesk.plan.api;

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
import org.expodesk.plan.Baseline;
import org.expodesk.plan.Baselines;
import org.expodesk.platform.Roles;

import java.time.Instant;
import java.util.List;

/** Saved plans of an exhibition; the schedule shows slip against the latest. */
@Path("/api/exhibitions/{exhibitionId}/baselines")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class BaselineResource {

    public record NewBaseline(String name) {
    }

    public record BaselineView(long id, String name, Instant createdAt) {

        static BaselineView of(Baseline b) {
            return new BaselineView(b.id, b.name, b.createdAt);
        }
    }

    public record BaselineList(List<BaselineView> items, long total) {
    }

    @Inject
    Baselines baselines;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("exhibitionId") long exhibitionId, @NotNull NewBaseline request) {
        Baseline saved = baselines.save(exhibitionId, request.name());
        return Response.status(201).header("Location", "/api/exhibitions/" + exhibitionId + "/baselines/" + saved.id)
                .entity(BaselineView.of(saved)).build();
    }

    @GET
    public BaselineList list(@PathParam("exhibitionId") long exhibitionId) {
        List<BaselineView> items = baselines.list(exhibitionId).stream().map(BaselineView::of).toList();
        return new BaselineList(items, items.size());
    }
}
