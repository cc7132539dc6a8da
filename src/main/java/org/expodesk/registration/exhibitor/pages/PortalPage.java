package org.expodesk.registration.exhibitor.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.followup.manual.ExhibitorManuals;
import org.expodesk.party.PartyRef;
import org.expodesk.party.Ticket;
import org.expodesk.party.Tickets;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.registration.exhibitor.ApplicationStatus;
import org.expodesk.registration.exhibitor.BoothStaff;
import org.expodesk.registration.exhibitor.BoothStaffRoster;
import org.expodesk.registration.exhibitor.ExhibitorApplication;
import org.expodesk.registration.exhibitor.ExhibitorApplications;
import org.expodesk.registration.exhibitor.ExhibitorProfile;
import org.expodesk.registration.exhibitor.ExhibitorProfiles;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * The exhibitor portal: the organization's applications and their status, the answer to a staff
 * question, booth staff within the quota, the company profile with its logo, service tickets.
 * Everything is the signed-in exhibitor's own organization; another's application is a 404.
 */
@Path("/portal")
@RolesAllowed(Roles.EXHIBITOR)
@Produces(MediaType.TEXT_HTML)
public class PortalPage {

    /** One application with its booth staff and quota. */
    public record Row(ExhibitorApplication application, List<BoothStaff> staff, BoothStaffRoster.Quota quota) {

        public boolean isApproved() {
            return application.status == ApplicationStatus.APPROVED;
        }

        public boolean isQuestioned() {
            return application.status == ApplicationStatus.MORE_INFO_REQUESTED;
        }

        public boolean isFull() {
            return staff.size() >= quota.quota();
        }

        /** The name a failed form goes by, so that its errors show under it. */
        public String answerForm() {
            return "answer-" + application.id;
        }

        public String staffForm() {
            return "staff-" + application.id;
        }
    }

    /** What a form sent that failed, shown again with its errors under that form. */
    public record Failed(String form, Map<String, String> values, Map<String, String> errors) {

        public boolean is(String name) {
            return name.equals(form);
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance portal(List<Row> rows, boolean approved, ExhibitorProfile profile,
                                              List<Ticket> tickets, Failed failed,
                                              Map<Long, ExhibitorManuals.Manual> manuals);
    }

    private static final Failed NONE = new Failed("", Map.of(), Map.of());

    @Inject
    ExhibitorApplications applications;

    @Inject
    BoothStaffRoster roster;

    @Inject
    org.expodesk.registration.exhibitor.StaffBadges staffBadges;

    @Inject
    ExhibitorProfiles profiles;

    @Inject
    Tickets tickets;

    @Inject
    CurrentUser currentUser;

    @Inject
    ExhibitorManuals manuals;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance portal() {
        return page(NONE);
    }

    @POST
    @Path("/applications/{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") long id, @RestForm String answer) {
        own(id);
        try {
            applications.answer(id, answer);
            return Pages.redirectWithFlash("/portal", "application_answered");
        } catch (ProblemException refused) {
            return failed(refused, "answer-" + id, Map.of("answer", nz(answer)));
        }
    }

    @POST
    @Path("/applications/{id}/staff")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addStaff(@PathParam("id") long id, @RestForm String name, @RestForm String email,
                             @RestForm String role) {
        own(id);
        try {
            roster.add(id, name, email, role);
            return Pages.redirectWithFlash("/portal", "application_staffAdded");
        } catch (ProblemException refused) {
            return failed(refused, "staff-" + id, Map.of("name", nz(name), "email", nz(email), "role", nz(role)));
        }
    }

    /** The staff badges of one application in one PDF, to print at the office. */
    @GET
    @Path("/applications/{id}/staff/badges.pdf")
    @Produces("application/pdf")
    public Response staffBadges(@PathParam("id") long id) {
        own(id);
        return Response.ok(staffBadges.pdf(id, org.expodesk.badge.BadgePdfs.Layout.A6), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"staff-badges-" + id + ".pdf\"").build();
    }

    /** Mails one staff member's badge again; a second click moments later sends nothing more. */
    @POST
    @Path("/applications/{id}/staff/{staffId}/badge-mail")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resendBadge(@PathParam("id") long id, @PathParam("staffId") long staffId) {
        own(id);
        return resent(id, staffId);
    }

    /** Mails every staff member's badge again. */
    @POST
    @Path("/applications/{id}/staff/badge-mails")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resendBadges(@PathParam("id") long id) {
        own(id);
        return resent(id, null);
    }

    private Response resent(long id, Long staffId) {
        try {
            BoothStaffRoster.Resent resent = roster.resend(id, staffId);
            return Pages.redirectWithFlash("/portal", resent.queued() > 0 ? "application_badgeMailQueued"
                    : "application_badgeMailJustSent");
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            return Pages.redirectWithFlash("/portal", refused.problem().detail());
        }
    }

    @POST
    @Path("/applications/{id}/staff/{staffId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeStaff(@PathParam("id") long id, @PathParam("staffId") long staffId) {
        own(id);
        if (roster.get(staffId).applicationId != id) {
            throw ProblemException.notFound("Booth staff");
        }
        roster.remove(staffId);
        return Pages.redirectWithFlash("/portal", "application_staffRemoved");
    }

    @POST
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response profile(@RestForm String descriptionEn, @RestForm String descriptionZh, @RestForm String website,
                            @RestForm String version) {
        try {
            // the form of a profile not yet saved sends an empty version
            Long read = version == null || !version.trim().matches("\\d{1,18}") ? null : Long.valueOf(version.trim());
            profiles.update(organization(), new ExhibitorProfiles.Changes(read, descriptionEn, descriptionZh,
                    website));
            return Pages.redirectWithFlash("/portal", "application_profileSaved");
        } catch (ProblemException refused) {
            return failed(refused, "profile", Map.of("descriptionEn", nz(descriptionEn),
                    "descriptionZh", nz(descriptionZh), "website", nz(website)));
        }
    }

    @POST
    @Path("/profile/logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response logo(@RestForm("logo") FileUpload logo) {
        try {
            if (logo == null || logo.size() == 0) {
                throw ProblemException.invalid("logo", "field_required");
            }
            try (InputStream in = Files.newInputStream(logo.uploadedFile())) {
                profiles.setLogo(organization(), in);
            } catch (IOException e) {
                throw ProblemException.invalid("logo", "application_logoNotImage");
            }
            return Pages.redirectWithFlash("/portal", "application_logoSaved");
        } catch (ProblemException refused) {
            return failed(refused, "logo", Map.of());
        }
    }

    @GET
    @Path("/logo.png")
    @Produces("image/png")
    public Response logoImage() {
        byte[] png = profiles.logo(organization()).orElseThrow(() -> ProblemException.notFound("Logo"));
        return Response.ok(png, "image/png").header("Cache-Control", "private, max-age=300").build();
    }

    @POST
    @Path("/tickets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ticket(@RestForm String kind, @RestForm String summary, @RestForm String description) {
        try {
            tickets.raise(new PartyRef(PartyRef.Kind.ORGANIZATION, organization()), null, kind, null, summary,
                    description, currentUser.require().username());
            return Pages.redirectWithFlash("/portal", "application_ticketRaised");
        } catch (ProblemException refused) {
            return failed(refused, "ticket", Map.of("kind", nz(kind), "summary", nz(summary),
                    "description", nz(description)));
        }
    }

    private TemplateInstance page(Failed failed) {
        long organizationId = organization();
        List<Row> rows = applications.ofOrganization(organizationId).stream()
                .map(a -> new Row(a, roster.of(a.id), roster.quota(a))).toList();
        // the manual and deadlines of each edition that approved the exhibitor (followup.manual)
        Map<Long, ExhibitorManuals.Manual> manualsByEdition = new java.util.HashMap<>();
        rows.stream().filter(Row::isApproved).map(r -> r.application().exhibitionId).distinct()
                .forEach(edition -> manualsByEdition.put(edition, manuals.of(edition)));
        return Templates.portal(rows, applications.isApproved(organizationId),
                profiles.of(organizationId).orElse(null), tickets.of(organizationId), failed, manualsByEdition);
    }

    private Response failed(ProblemException refused, String form, Map<String, String> values) {
        if (refused.problem().status() == 404) {
            throw refused;
        }
        int status = refused.problem().status() == 400 ? 400 : refused.problem().status();
        return Response.status(status).entity(page(new Failed(form, values,
                new FormErrors(locale.get()).addAll(refused).map()))).build();
    }

    private void own(long applicationId) {
        if (!applications.get(applicationId).organizationId.equals(organization())) {
            throw ProblemException.notFound("Exhibitor application");
        }
    }

    private long organization() {
        Long id = currentUser.require().organizationId();
        if (id == null) {
            throw ProblemException.notFound("Exhibitor");
        }
        return id;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
