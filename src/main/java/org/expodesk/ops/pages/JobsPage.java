package org.expodesk.ops.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.ops.JobInfo;
import org.expodesk.ops.JobRun;
import org.expodesk.ops.Jobs;
import org.expodesk.platform.Roles;
import org.expodesk.web.Pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Every scheduled job with its next firing and last run; pause, resume, run now; a job's recent runs. */
@Path("/admin/jobs")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class JobsPage {

    private static final int RECENT_RUNS = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance jobs(List<JobInfo> jobs, JobInfo selected, List<JobRun> runs);
    }

    @Inject
    Jobs jobs;

    @GET
    public TemplateInstance list(@QueryParam("job") String job) {
        if (job == null || job.isBlank()) {
            return Templates.jobs(jobs.list(), null, List.of());
        }
        JobInfo selected = jobs.get(job);
        return Templates.jobs(jobs.list(), selected, jobs.runs(selected.identity(), RECENT_RUNS));
    }

    @POST
    @Path("/{identity}/pause")
    public Response pause(@PathParam("identity") String identity) {
        jobs.pause(identity);
        return Pages.redirectWithFlash(back(identity), "jobs_pausedDone");
    }

    @POST
    @Path("/{identity}/resume")
    public Response resume(@PathParam("identity") String identity) {
        jobs.resume(identity);
        return Pages.redirectWithFlash(back(identity), "jobs_resumedDone");
    }

    @POST
    @Path("/{identity}/run")
    public Response run(@PathParam("identity") String identity) {
        jobs.runNow(identity);
        return Pages.redirectWithFlash(back(identity), "jobs_runRequested");
    }

    private static String back(String identity) {
        return "/admin/jobs?job=" + URLEncoder.encode(identity, StandardCharsets.UTF_8);
    }
}
