package org.expodesk.plan.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.plan.Baselines;
import org.expodesk.plan.schedule.ScheduleService;
import org.expodesk.platform.Roles;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The computed schedule of an exhibition: early/late dates, slack, critical path, risks. */
@Path("/api/exhibitions/{exhibitionId}/schedule")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    /** A task's schedule, and its slip against the latest baseline when there is one. */
    public record Row(long task, String title, long stage, LocalDate earlyStart, LocalDate earlyFinish,
                      LocalDate lateStart, LocalDate lateFinish, int slackDays, boolean critical, boolean atRisk,
                      boolean conflict, LocalDate deadline, LocalDate baselineFinish, Integer slipDays) {
    }

    public record ScheduleView(List<Row> items, long total) {
    }

    @Inject
    ScheduleService schedules;

    @Inject
    Baselines baselines;

    @GET
    public ScheduleView schedule(@PathParam("exhibitionId") long exhibitionId) {
        List<ScheduleService.ScheduledTask> schedule = schedules.schedule(exhibitionId);
        Map<Long, Baselines.Slip> slips = baselines.slips(exhibitionId, schedule);
        List<Row> items = schedule.stream().map(s -> {
            Baselines.Slip slip = slips.get(s.task());
            return new Row(s.task(), s.title(), s.stage(), s.earlyStart(), s.earlyFinish(), s.lateStart(),
                    s.lateFinish(), s.slackDays(), s.critical(), s.atRisk(), s.conflict(), s.deadline(),
                    slip == null ? null : slip.baselineFinish(), slip == null ? null : slip.slipDays());
        }).toList();
        return new ScheduleView(items, items.size());
    }
}
