package org.expodesk.registration.exhibitor.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.AccessRules;
import org.expodesk.account.CurrentUser;
import org.expodesk.party.PartyRef;
import org.expodesk.party.Ticket;
import org.expodesk.party.Tickets;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.registration.exhibitor.ExhibitorApplications;
import org.expodesk.registration.exhibitor.ExhibitorProfile;
import org.expodesk.registration.exhibitor.ExhibitorProfiles;
import org.expodesk.registration.exhibitor.api.ApplicationViews.ApplicationView;
import org.expodesk.registration.exhibitor.api.ApplicationViews.ProfileView;
import org.expodesk.registration.exhibitor.api.ApplicationViews.TicketView;

import java.io.InputStream;
import java.util.List;

/**
 * An exhibitor's portal data by organization: its applications, its profile and logo, its service
 * tickets. Staff see every exhibitor's; an exhibitor only its own (else 404).
 */
@Path("/api/exhibitors/{organizationId}")
@RolesAllowed({Roles.STAFF, Roles.EXHIBITOR})
@Produces(MediaType.APPLICATION_JSON)
public class ExhibitorResource {

    public record NewTicket(Long exhibition, String kind, String priority, String summary, String description) {
    }

    @Inject
    ExhibitorApplications applications;

    @Inject
    ExhibitorProfiles profiles;

    @Inject
    Tickets tickets;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/applications")
    public ApplicationViews.Page<ApplicationView> applications(@PathParam("organizationId") long organizationId) {
        own(organizationId);
        List<ApplicationView> items = applications.ofOrganization(organizationId).stream().map(ApplicationView::of)
                .toList();
        return new ApplicationViews.Page<>(items, items.size());
    }

    @GET
    @Path("/profile")
    public ProfileView profile(@PathParam("organizationId") long organizationId) {
        own(organizationId);
        return ProfileView.of(organizationId, profiles.of(organizationId).orElse(null));
    }

    /** {@code {version?, descriptionEn, descriptionZh, website}}; 409 before any approval or for a stale version. */
    @PUT
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProfileView updateProfile(@PathParam("organizationId") long organizationId,
                                     @NotNull ExhibitorProfiles.Changes changes) {
        own(organizationId);
        ExhibitorProfile p = profiles.update(organizationId, changes);
        return ProfileView.of(organizationId, p);
    }

    /** The logo as the raw body (PNG, JPEG or GIF, told by content): 413 too large, 415 not an image. */
    @PUT
    @Path("/profile/logo")
    @Consumes(MediaType.WILDCARD)
    public ProfileView uploadLogo(@PathParam("organizationId") long organizationId, InputStream body) {
        own(organizationId);
        return ProfileView.of(organizationId, profiles.setLogo(organizationId, body));
    }

    @GET
    @Path("/profile/logo.png")
    @Produces("image/png")
    public Response logo(@PathParam("organizationId") long organizationId) {
        own(organizationId);
        byte[] png = profiles.logo(organizationId).orElseThrow(() -> ProblemException.notFound("Logo"));
        return Response.ok(png, "image/png").header("Cache-Control", "private, max-age=300").build();
    }

    @GET
    @Path("/tickets")
    public ApplicationViews.Page<TicketView> tickets(@PathParam("organizationId") long organizationId) {
        own(organizationId);
        List<TicketView> items = tickets.of(organizationId).stream().map(TicketView::of).toList();
        return new ApplicationViews.Page<>(items, items.size());
    }

    @POST
    @Path("/tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response raiseTicket(@PathParam("organizationId") long organizationId, @NotNull NewTicket r) {
        own(organizationId);
        if (r.exhibition() != null && applications.ofOrganization(organizationId).stream()
                .noneMatch(a -> a.exhibitionId.equals(r.exhibition()))) {
            throw ProblemException.invalid("exhibition", "application_choiceInvalid");
        }
        Ticket t = tickets.raise(new PartyRef(PartyRef.Kind.ORGANIZATION, organizationId), r.exhibition(), r.kind(),
                r.priority(), r.summary(), r.description(), currentUser.require().username());
        return Response.status(201).header("Location", "/api/tickets/" + t.id).entity(TicketView.of(t)).build();
    }

    private void own(long organizationId) {
        AccessRules.requireOrganization(currentUser.identity(), organizationId, "Exhibitor");
    }
}
