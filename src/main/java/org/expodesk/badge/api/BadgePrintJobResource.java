package org.expodesk.badge.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.expodesk.badge.print.BadgePrintJob;
import org.expodesk.badge.print.BadgePrintJobs;
import org.expodesk.platform.Roles;

/** One print job: its progress, and its PDF once done (409 before, and after it failed or was dropped). Staff only. */
@Path("/api/badge-print-jobs/{id}")
@RolesAllowed(Roles.STAFF)
public class BadgePrintJobResource {

    @Inject
    BadgePrintJobs jobs;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public BadgePrintJobView get(@PathParam("id") long id) {
        return BadgePrintJobView.of(jobs.get(id));
    }

    @GET
    @Path("/badges.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id) {
        return download(jobs, jobs.downloadable(id));
    }

    /** The job's PDF as an attachment, streamed from its stored parts. */
    public static Response download(BadgePrintJobs jobs, BadgePrintJob job) {
        StreamingOutput body = out -> jobs.write(job.id, out);
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"badges-" + job.exhibitionId + "-" + job.id + ".pdf\"")
                .header("Content-Length", job.fileSize)
                .header("Cache-Control", "private, no-store").build();
    }
}
