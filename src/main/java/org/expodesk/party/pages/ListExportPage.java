package org.expodesk.party.pages;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.expodesk.party.export.ExportResponses;
import org.expodesk.party.export.Exports;
import org.expodesk.party.segment.SegmentFilter;
import org.expodesk.party.segment.Segments;
import org.expodesk.platform.Roles;

/** The whole organizations or people list as a download from the pages (the API needs a token). */
@Path("/customers/exports")
@RolesAllowed(Roles.STAFF)
public class ListExportPage {

    @Inject
    Segments segments;

    @Inject
    Exports exports;

    @GET
    @Path("/{list: organizations|people}.{format: csv|xlsx}")
    public Response export(@PathParam("list") String list, @PathParam("format") String format) {
        String kind = list.equals("people") ? "PEOPLE" : "ORGANIZATIONS";
        return ExportResponses.download(exports.export(segments.checkOrThrow(kind, SegmentFilter.empty()),
                ExportResponses.format(format), list, "all " + list));
    }
}
