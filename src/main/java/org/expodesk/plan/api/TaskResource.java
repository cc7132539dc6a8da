package org.expodesk.plan.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.plan.PlanService;
import org.expodesk.plan.TaskControl;
import org.expodesk.plan.TaskNotes;
import org.expodesk.plan.api.TaskViews.TaskView;
import org.expodesk.platform.Roles;

/** One task: read, edit (with its version), link into the time chain, move through the control loop. */
@Path("/api/tasks/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    PlanService plan;

    @Inject
    TaskControl control;

    @Inject
    TaskViewFactory views;

    @Inject
    TaskNotes notes;

    @GET
    public TaskView get(@PathParam("id") long id) {
        return views.view(id, true);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskView update(@PathParam("id") long id, @NotNull PlanService.TaskChanges changes) {
        plan.update(id, changes);
        return views.view(id, true);
    }

    /** This task now follows another: {@code {task, lagDays, kind?}}. */
    @POST
    @Path("/dependencies")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response follow(@PathParam("id") long id, @NotNull PlanService.Link link) {
        plan.addDependency(id, link);
        return Response.status(201).entity(views.view(id, false)).build();
    }

    @jakarta.ws.rs.DELETE
    @Path("/dependencies/{predecessor}")
    public void unfollow(@PathParam("id") long id, @PathParam("predecessor") long predecessor) {
        plan.removeDependency(id, predecessor);
    }

    public record NewComment(String body) {
    }

    public record NewLink(String url, String label) {
    }

    public record CommentView(long id, String author, String body, java.time.Instant at) {
    }

    public record LinkView(long id, String url, String label) {
    }

    @GET
    @Path("/comments")
    public java.util.List<CommentView> comments(@PathParam("id") long id) {
        plan.get(id);
        return notes.comments(id).stream().map(c -> new CommentView(c.id, c.authorName, c.body, c.createdAt)).toList();
    }

    @POST
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response comment(@PathParam("id") long id, @NotNull NewComment comment) {
        var mover = views.mover();
        var c = notes.comment(id, mover.userId(), mover.username(), comment.body());
        return Response.status(201).entity(new CommentView(c.id, c.authorName, c.body, c.createdAt)).build();
    }

    @GET
    @Path("/links")
    public java.util.List<LinkView> links(@PathParam("id") long id) {
        plan.get(id);
        return notes.links(id).stream().map(l -> new LinkView(l.id, l.url, l.label)).toList();
    }

    @POST
    @Path("/links")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response link(@PathParam("id") long id, @NotNull NewLink link) {
        var l = notes.link(id, link.url(), link.label());
        return Response.status(201).entity(new LinkView(l.id, l.url, l.label)).build();
    }

    @POST
    @Path("/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskView move(@PathParam("id") long id, @NotNull TaskControl.Move move) {
        control.move(id, move, views.mover());
        return views.view(id, true);
    }
}
