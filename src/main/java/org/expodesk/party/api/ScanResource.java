package org.expodesk.party.api;

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
import org.expodesk.party.dedup.DedupScan;
import org.expodesk.party.dedup.DedupScans;
import org.expodesk.platform.Roles;

import java.time.Instant;

/** Looking through the whole database for duplicates, in the background; staff only. */
@Path("/api/dedup/scans")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {

    /** {@code kind}: organizations or people. */
    public record NewScan(String kind) {
    }

    public record Started(long id) {
    }

    public record ScanView(long id, String kind, String status, long total, long done, long found, String startedBy,
                           Instant startedAt, Instant finishedAt) {

        static ScanView of(DedupScan s) {
            return new ScanView(s.id, s.kind, s.status, s.total, s.done, s.found, s.startedBy, s.createdAt, s.finishedAt);
        }
    }

    @Inject
    DedupScans scans;

    @Inject
    CurrentUser currentUser;

    /** 202 with the scan's id; follow it at {@code Location}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@NotNull NewScan request) {
        DedupScan scan = scans.start(request.kind(), currentUser.require().username());
        scans.launch(scan.id);
        return Response.accepted(new Started(scan.id)).header("Location", "/api/dedup/scans/" + scan.id).build();
    }

    @GET
    @Path("/{id}")
    public ScanView get(@PathParam("id") long id) {
        return ScanView.of(scans.get(id));
    }
}
