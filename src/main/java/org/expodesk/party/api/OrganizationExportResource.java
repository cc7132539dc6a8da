package org.expodesk.party.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.expodesk.party.Verification;
import org.expodesk.party.export.ExportResponses;
import org.expodesk.party.export.Exports;
import org.expodesk.party.export.TableWriter;
import org.expodesk.party.segment.SegmentFilter;
import org.expodesk.party.segment.Segments;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;

import java.util.List;
import java.util.Locale;

/**
 * The organizations list with its filters as CSV or XLSX for a spreadsheet, formula-looking cells
 * made harmless; audited. Staff only.
 */
@Path("/api/organizations/export.{format: csv|xlsx}")
@RolesAllowed(Roles.STAFF)
public class OrganizationExportResource {

    @Inject
    Segments segments;

    @Inject
    Exports exports;

    @GET
    @Produces({"text/csv; charset=UTF-8", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Response export(@PathParam("format") String format, @QueryParam("country") String country,
                           @QueryParam("verification") String verification) {
        String v = null;
        if (verification != null && !verification.isBlank()) {
            try {
                v = Verification.valueOf(verification.trim().toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("verification", "party_verificationInvalid");
            }
        }
        if (country != null && !country.isBlank() && !country.trim().matches("[A-Za-z]{2}")) {
            throw ProblemException.invalid("country", "party_countryInvalid");
        }
        List<String> countries = country == null || country.isBlank() ? List.of() : List.of(country.trim());
        SegmentFilter filter = new SegmentFilter(countries, null, null, null, List.of(), List.of(), List.of(), v,
                null, List.of(), null, null, null);
        TableWriter.Format f = ExportResponses.format(format);
        return ExportResponses.download(exports.export(segments.checkOrThrow("ORGANIZATIONS", filter), f,
                "organizations", "country=" + country + ", verification=" + verification));
    }
}
