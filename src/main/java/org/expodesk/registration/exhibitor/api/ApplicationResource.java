package org.expodesk.registration.exhibitor.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.expodesk.platform.Roles;
import org.expodesk.registration.exhibitor.BoothStaff;
import org.expodesk.badge.BadgePdfs;
import org.expodesk.registration.exhibitor.BoothStaffRoster;
import org.expodesk.registration.exhibitor.StaffBadges;
import org.expodesk.registration.exhibitor.ExhibitorApplication;
import org.expodesk.registration.exhibitor.ExhibitorApplications;
import org.expodesk.registration.exhibitor.api.ApplicationViews.ApplicationView;
import org.expodesk.registration.exhibitor.api.ApplicationViews.StaffList;
import org.expodesk.registration.exhibitor.api.ApplicationViews.StaffView;

/**
 * One exhibitor application: staff decide on it and set its staff-badge quota; its exhibitor reads
 * it, answers a question and manages its booth staff. Another exhibitor's application is a 404.
 */
@Path("/api/exhibitor-applications/{id}")
@RolesAllowed({Roles.STAFF, Roles.EXHIBITOR})
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    public record NewDecision(String decision, String reason, String question) {
    }

    public record Answer(String answer) {
    }

    public record NewStaff(String name, String email, String role) {
    }

    public record QuotaChange(Integer quota) {
    }

    @Inject
    ExhibitorApplications applications;

    @Inject
    BoothStaffRoster roster;

    @Inject
    StaffBadges staffBadges;

    @Inject
    CurrentUser currentUser;

    @GET
    public ApplicationView get(@PathParam("id") long id) {
        return ApplicationView.of(own(id));
    }

    /** {@code {decision: APPROVE|REJECT|REQUEST_INFO, reason?, question?}}; 409 unless the application awaits review. */
    @POST
    @Path("/decisions")
    @RolesAllowed(Roles.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public ApplicationView decide(@PathParam("id") long id, @NotNull NewDecision r) {
        applications.get(id);
        return ApplicationView.of(applications.decide(id, r.decision(), r.reason(), r.question(),
                currentUser.require().username()));
    }

    @POST
    @Path("/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApplicationView answer(@PathParam("id") long id, @NotNull Answer r) {
        own(id);
        return ApplicationView.of(applications.answer(id, r.answer()));
    }

    @GET
    @Path("/staff")
    public StaffList staff(@PathParam("id") long id) {
        ExhibitorApplication a = own(id);
        return StaffList.of(roster.of(id), roster.quota(a));
    }

    /** 409 when the application is not approved, the quota is used up or the e-mail is listed already. */
    @POST
    @Path("/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addStaff(@PathParam("id") long id, @NotNull NewStaff r) {
        own(id);
        BoothStaff s = roster.add(id, r.name(), r.email(), r.role());
        return Response.status(201).header("Location", "/api/exhibitor-applications/" + id + "/staff/" + s.id)
                .entity(StaffView.of(s)).build();
    }

    /** The valid badges of the booth staff in one printable PDF ({@code layout} A6 or LABEL_4X3). */
    @GET
    @Path("/staff/badges.pdf")
    @Produces("application/pdf")
    public Response staffBadges(@PathParam("id") long id, @jakarta.ws.rs.QueryParam("layout") String layout) {
        own(id);
        BadgePdfs.Layout chosen;
        try {
            chosen = layout == null || layout.isBlank() ? BadgePdfs.Layout.A6
                    : BadgePdfs.Layout.valueOf(layout.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw org.expodesk.platform.problem.ProblemException.invalid("layout", "badge_layoutInvalid");
        }
        return Response.ok(staffBadges.pdf(id, chosen), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"staff-badges-" + id + ".pdf\"").build();
    }

    /** Mails one member's badge again: {@code 202} {@code {queued, skipped}} (skipped: mailed moments ago); 409 without a valid badge. */
    @POST
    @Path("/staff/{staffId}/badge-mail")
    public Response resendBadge(@PathParam("id") long id, @PathParam("staffId") long staffId) {
        own(id);
        return Response.accepted(roster.resend(id, staffId)).build();
    }

    /** Mails every member holding a valid badge their badge again: {@code 202} {@code {queued, skipped}}. */
    @POST
    @Path("/staff/badge-mails")
    public Response resendBadges(@PathParam("id") long id) {
        own(id);
        return Response.accepted(roster.resend(id, null)).build();
    }

    @DELETE
    @Path("/staff/{staffId}")
    public Response removeStaff(@PathParam("id") long id, @PathParam("staffId") long staffId) {
        own(id);
        if (roster.get(staffId).applicationId != id) {
            throw org.expodesk.platform.problem.ProblemException.notFound("Booth staff");
        }
        roster.remove(staffId);
        return Response.noContent().build();
    }

    /** {@code {quota}}: the exhibitor's staff-badge quota set by hand; {@code null} goes back to the booth-size rule. */
    @PUT
    @Path("/staff-quota")
    @RolesAllowed(Roles.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffList setQuota(@PathParam("id") long id, @NotNull QuotaChange r) {
        applications.get(id);
        BoothStaffRoster.Quota quota = roster.override(id, r.quota());
        return StaffList.of(roster.of(id), quota);
    }

    private ExhibitorApplication own(long id) {
        ExhibitorApplication a = applications.get(id);
        AccessRules.requireOrganization(currentUser.identity(), a.organizationId, "Exhibitor application");
        return a;
    }
}
