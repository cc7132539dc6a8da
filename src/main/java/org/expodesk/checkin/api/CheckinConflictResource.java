package org.expodesk.checkin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.checkin.CheckinConflicts;
import org.expodesk.platform.Roles;

import java.util.List;

/** Offline decisions the server decided otherwise on upload (staff). */
@Path("/api/exhibitions/{exhibitionId}/checkin-conflicts")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class CheckinConflictResource {

    public record ConflictList(List<CheckinConflicts.ConflictView> items, long total) {
    }

    @Inject
    CheckinConflicts conflicts;

    @GET
    public ConflictList list(@PathParam("exhibitionId") long exhibitionId) {
        List<CheckinConflicts.ConflictView> items = conflicts.of(exhibitionId);
        return new ConflictList(items, items.size());
    }
}
