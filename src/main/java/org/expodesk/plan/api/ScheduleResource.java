package org.expodesk.plan.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.plan.schedule.ScheduleService;
import org.expodesk.platform.Roles;

import java.util.List;

/** The computed schedule of an exhibition: early/late dates, slack, critical path, risks. */
@Path("/api/exhibitions/{exhibitionId}/schedule")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    public record ScheduleView(List<ScheduleService.ScheduledTask> items, long total) {
    }

    @Inject
    ScheduleService schedules;

    @GET
    public ScheduleView schedule(@PathParam("exhibitionId") long exhibitionId) {
        List<ScheduleService.ScheduledTask> items = schedules.schedule(exhibitionId);
        return new ScheduleView(items, items.size());
    }
}
