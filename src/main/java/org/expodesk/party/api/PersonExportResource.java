package org.expodesk.party.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.expodesk.party.export.ExportResponses;
import org.expodesk.party.export.Exports;
import org.expodesk.party.segment.SegmentFilter;
import org.expodesk.party.segment.Segments;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;

import java.util.List;

/** The people list as CSV or XLSX, formula-looking cells made harmless; audited. Staff only. */
@Path("/api/people/export.{format: csv|xlsx}")
@RolesAllowed(Roles.STAFF)
public class PersonExportResource {

    @Inject
    Segments segments;

    @Inject
    Exports exports;

    /** All people, or ({@code ?organization=}) those of one organization. */
    @GET
    @Produces({"text/csv; charset=UTF-8", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Response export(@PathParam("format") String format, @QueryParam("organization") Long organization) {
        SegmentFilter filter = new SegmentFilter(List.of(), null, null, null, List.of(), List.of(), List.of(), null,
                null, List.of(), organization, null, null);
        Segments.Checked checked;
        try {
            checked = segments.checkOrThrow("PEOPLE", filter);
        } catch (ProblemException e) {
            throw ProblemException.invalid("organization", "party_organizationUnknown");
        }
        return ExportResponses.download(exports.export(checked, ExportResponses.format(format), "people",
                "organization=" + organization));
    }
}
