package org.expodesk.ops.api;

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
import org.expodesk.platform.problem.QueryParams;

import java.time.Instant;
import java.util.List;

/** The scheduled jobs of the cluster and their run history, for administrators (see docs/jobs.md). */
@Path("/api/jobs")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    public record RunView(long id, String job, String node, boolean manual, Instant startedAt, Instant finishedAt,
                          String outcome, String error) {

        static RunView of(JobRun r) {
            return r == null ? null : new RunView(r.id, r.job, r.node, r.manual, r.startedAt, r.finishedAt,
                    r.outcome.name(), r.error);
        }
    }

    public record TriggerView(String identity, String kind, String schedule, String state, Instant nextFireTime,
                              Instant previousFireTime, String misfirePolicy) {

        static TriggerView of(JobInfo.TriggerInfo t) {
            return new TriggerView(t.identity(), t.kind(), t.schedule(), t.state().name(), t.nextFireTime(),
                    t.previousFireTime(), t.misfirePolicy());
        }
    }

    public record JobView(String identity, String group, String state, Instant nextFireTime, Instant previousFireTime,
                          List<TriggerView> triggers, RunView lastRun) {

        static JobView of(JobInfo j) {
            return new JobView(j.identity(), j.group(), j.state().name(), j.nextFireTime(), j.previousFireTime(),
                    j.triggers().stream().map(TriggerView::of).toList(), RunView.of(j.lastRun()));
        }
    }

    public record JobList(List<JobView> items, long total) {
    }

    public record RunList(List<RunView> items, long total) {
    }

    @Inject
    Jobs jobs;

    @GET
    public JobList list() {
        List<JobView> items = jobs.list().stream().map(JobView::of).toList();
        return new JobList(items, items.size());
    }

    @GET
    @Path("/{identity}")
    public JobView get(@PathParam("identity") String identity) {
        return JobView.of(jobs.get(identity));
    }

    /** The newest runs first; {@code size} at most 200. */
    @GET
    @Path("/{identity}/runs")
    public RunList runs(@PathParam("identity") String identity, @QueryParam("size") String size) {
        List<RunView> items = jobs.runs(identity, QueryParams.integer(size, "size", 50, 1, 200)).stream()
                .map(RunView::of).toList();
        return new RunList(items, jobs.runCount(identity));
    }

    @POST
    @Path("/{identity}/pause")
    public JobView pause(@PathParam("identity") String identity) {
        return JobView.of(jobs.pause(identity));
    }

    @POST
    @Path("/{identity}/resume")
    public JobView resume(@PathParam("identity") String identity) {
        return JobView.of(jobs.resume(identity));
    }

    /** Fires the job once as soon as a node is free; answers before it runs. */
    @POST
    @Path("/{identity}/run")
    public Response run(@PathParam("identity") String identity) {
        return Response.accepted(JobView.of(jobs.runNow(identity))).build();
    }
}
