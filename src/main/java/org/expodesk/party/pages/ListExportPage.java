package org.expodesk.party.pages;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.expodesk.party.export.ExportResponses;
import org.expodesk.party.export.Exports;
import org.expodesk.party.segment.Segments;
import org.expodesk.platform.Roles;

/**
 * The organizations or people list, with the filters it shows, as a download from the pages (the
 * API needs a token).
 */
@Path("/customers/exports")
@RolesAllowed(Roles.STAFF)
public class ListExportPage {

    @Inject
    Segments segments;

    @Inject
    Exports exports;

    @GET
    @Path("/{list: organizations|people}.{format: csv|xlsx}")
    public Response export(@PathParam("list") String list, @PathParam("format") String format,
                           @QueryParam("name") String name, @QueryParam("country") String country,
                           @QueryParam("verification") String verification, @QueryParam("industry") String industry,
                           @QueryParam("tag") String tag) {
        String kind = list.equals("people") ? "PEOPLE" : "ORGANIZATIONS";
        CustomerListsPage.ListFilter filter = CustomerListsPage.filter(name, country, verification, industry, tag);
        return ExportResponses.download(exports.export(segments.checkOrThrow(kind, CustomerListsPage.segmentFilter(filter)),
                ExportResponses.format(format), list, filter.query().isEmpty() ? "all " + list : list + " " + filter.query()));
    }
}
