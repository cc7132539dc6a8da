package org.expodesk.badge.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.AccessRules;
import org.expodesk.account.CurrentUser;
import org.expodesk.badge.Badge;
import org.expodesk.badge.BadgePdfs;
import org.expodesk.badge.BadgeQr;
import org.expodesk.badge.Badges;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One badge: read, its QR code and printable PDF, revoke and reissue. Staff for every badge; an
 * exhibitor for the badges of its own organization's people (others are not found), and may
 * reissue them only with a corrected name.
 */
@Path("/api/badges/{id}")
@RolesAllowed({Roles.STAFF, Roles.EXHIBITOR})
public class BadgeResource {

    public record RevokeRequest(String reason) {
    }

    public record ReissueRequest(String holderName, String organizationName, String categoryCode,
                                 String categoryLabel, String categoryColour, LocalDate firstDay, LocalDate lastDay,
                                 List<String> zones, String reason) {
    }

    @Inject
    Badges badges;

    @Inject
    BadgePdfs pdfs;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public BadgeView get(@PathParam("id") long id) {
        return BadgeView.of(visible(id));
    }

    @GET
    @Path("/qr.png")
    @Produces("image/png")
    public Response png(@PathParam("id") long id, @QueryParam("scale") String scale) {
        int pixels = org.expodesk.platform.problem.QueryParams.integer(scale, "scale", 8, 1, 40);
        return Response.ok(BadgeQr.png(visible(id).code, pixels)).header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("/qr.svg")
    @Produces("image/svg+xml")
    public Response svg(@PathParam("id") long id) {
        return Response.ok(BadgeQr.svg(visible(id).code)).header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("/badge.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id, @QueryParam("layout") String layout) {
        Badge b = visible(id);
        return pdfResponse(pdfs.one(b, layout(layout)), b.id);
    }

    /** Staff only: an exhibitor's booth staff lose their badges by leaving the roster (docs/exhibitors.md). */
    @POST
    @Path("/revoke")
    @RolesAllowed(Roles.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public BadgeView revoke(@PathParam("id") long id, RevokeRequest request) {
        return BadgeView.of(badges.revoke(id, request == null ? null : request.reason(),
                currentUser.require().username()));
    }

    /** A new badge in place of this one (name fix, lost badge): {@code 201} with the new badge; staff only. */
    @POST
    @Path("/reissue")
    @RolesAllowed(Roles.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response reissue(@PathParam("id") long id, ReissueRequest r) {
        ReissueRequest request = r == null ? new ReissueRequest(null, null, null, null, null, null, null, null, null) : r;
        Badges.Issued issued = badges.reissue(id, new Badges.Changes(request.holderName(), request.organizationName(),
                request.categoryCode(), request.categoryLabel(), request.categoryColour(), request.firstDay(),
                request.lastDay(), request.zones(), request.reason()), currentUser.require().username());
        return Response.status(201).header("Location", "/api/badges/" + issued.badge().id)
                .entity(BadgeView.of(issued.badge())).build();
    }

    static BadgePdfs.Layout layout(String value) {
        if (value == null || value.isBlank()) {
            return BadgePdfs.Layout.A6;
        }
        try {
            return BadgePdfs.Layout.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("layout", "badge_layoutInvalid");
        }
    }

    static Response pdfResponse(byte[] pdf, long badgeId) {
        return Response.ok(pdf).type("application/pdf")
                .header("Content-Disposition", "inline; filename=\"badge-" + badgeId + ".pdf\"")
                .header("Cache-Control", "private, no-store").build();
    }

    private Badge visible(long id) {
        Badge b = badges.get(id);
        AccessRules.requireOrganization(identity, b.organizationId, "Badge");
        return b;
    }
}
