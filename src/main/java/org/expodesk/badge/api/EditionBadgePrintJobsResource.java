package org.expodesk.badge.api;

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
import org.expodesk.badge.print.BadgePrintJob;
import org.expodesk.badge.print.BadgePrintJobs;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;

import java.net.URI;
import java.util.List;

/** Batch printing of an edition's badges in the background: start a job, list the latest. Staff only. */
@Path("/api/exhibitions/{id}/badge-print-jobs")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class EditionBadgePrintJobsResource {

    @Inject
    BadgePrintJobs jobs;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    CurrentUser currentUser;

    @GET
    public List<BadgePrintJobView> list(@PathParam("id") long id) {
        exhibitions.get(id);
        return jobs.recent(id, 20).stream().map(BadgePrintJobView::of).toList();
    }

    /** {@code {category?, organization?, layout?}} (one of the first two at least): {@code 202} with the queued job. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("id") long id, @NotNull BadgePrintJobs.NewPrintJob request) {
        BadgePrintJob job = jobs.start(id, request, currentUser.require().username());
        return Response.accepted(BadgePrintJobView.of(job)).location(URI.create("/api/badge-print-jobs/" + job.id)).build();
    }
}
