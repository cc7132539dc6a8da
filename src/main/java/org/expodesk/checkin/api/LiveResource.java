package org.expodesk.checkin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.checkin.LiveCounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The live view's figures for a wall display or another tool (staff). */
@Path("/api/exhibitions/{exhibitionId}/checkin-stats")
@RolesAllowed(org.expodesk.platform.Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class LiveResource {

    /** {@code previous*} fields are null when there is no previous edition to compare with. */
    public record LiveView(LocalDate day, int showDay, Instant at, long people, long inside, long admissions,
                           long repeats, long rejected, List<LiveCounts.Count> categories, List<LiveCounts.Count> gates,
                           List<LiveCounts.Hour> hours, Long previousExhibitionId, LocalDate previousDay,
                           Long previousByNow) {
    }

    @Inject
    LiveCounts counts;

    @GET
    public LiveView get(@PathParam("exhibitionId") long exhibitionId) {
        LiveCounts.Live l = counts.of(exhibitionId);
        return new LiveView(l.day(), l.showDay(), l.at(), l.people(), l.inside(), l.admissions(), l.repeats(),
                l.rejected(), l.categories(), l.gates(), l.hours(), l.previous() == null ? null : l.previous().id,
                l.previousDay(), l.previousByNow());
    }
}
