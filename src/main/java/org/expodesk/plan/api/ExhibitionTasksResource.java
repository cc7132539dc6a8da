package org.expodesk.plan.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.expodesk.plan.PlanService;
import org.expodesk.plan.Task;
import org.expodesk.plan.api.TaskViews.TaskView;
import org.expodesk.platform.Roles;

import java.net.URI;
import java.util.List;

/** The tasks of one exhibition's plan. Staff only. */
@Path("/api/exhibitions/{exhibitionId}/tasks")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ExhibitionTasksResource {

    public record TaskList(List<TaskView> items, long total) {
    }

    @Inject
    PlanService plan;

    @Inject
    TaskViewFactory views;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("exhibitionId") long exhibitionId, @Valid @NotNull PlanService.NewTask request,
                           @Context UriInfo uri) {
        Task task = plan.create(exhibitionId, request);
        return Response.created(URI.create(uri.getBaseUri() + "api/tasks/" + task.id))
                .entity(views.view(task.id, true)).build();
    }

    @GET
    public TaskList list(@PathParam("exhibitionId") long exhibitionId) {
        List<TaskView> items = views.all(exhibitionId);
        return new TaskList(items, items.size());
    }
}
