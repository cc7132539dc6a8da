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
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.registration.exhibitor.ApplicationStatus;
import org.expodesk.registration.exhibitor.BoothStaff;
import org.expodesk.registration.exhibitor.BoothStaffRoster;
import org.expodesk.registration.exhibitor.ExhibitorApplication;
import org.expodesk.registration.exhibitor.ExhibitorApplications;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;

/** Staff: one exhibitor application, the decision on it, its staff-badge quota and booth staff. */
@Path("/exhibitor-applications/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class ApplicationReviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(Exhibition exhibition, ExhibitorApplication application,
                                              boolean underReview, List<BoothStaff> staff,
                                              BoothStaffRoster.Quota quota, Map<String, String> errors,
                                              Map<String, String> form);
    }

    @Inject
    ExhibitorApplications applications;

    @Inject
    BoothStaffRoster roster;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        return page(id, Map.of(), Map.of());
    }

    @POST
    @Path("/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, @RestForm String decision, @RestForm String reason,
                           @RestForm String question) {
        applications.get(id);
        try {
            applications.decide(id, decision, reason, question, currentUser.require().username());
            return Pages.redirectWithFlash("/exhibitor-applications/" + id, "application_decided");
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status()).entity(page(id,
                    new FormErrors(locale.get()).addAll(refused).map(), Map.of("decision", nz(decision),
                            "reason", nz(reason), "question", nz(question)))).build();
        }
    }

    @POST
    @Path("/quota")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response quota(@PathParam("id") long id, @RestForm String quota) {
        applications.get(id);
        try {
            Integer value = null;
            if (quota != null && !quota.isBlank()) {
                try {
                    value = Integer.valueOf(quota.trim());
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid("quota", "application_quotaInvalid");
                }
            }
            roster.override(id, value);
            return Pages.redirectWithFlash("/exhibitor-applications/" + id, "application_quotaSaved");
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status()).entity(page(id,
                    new FormErrors(locale.get()).addAll(refused).map(), Map.of("quota", nz(quota)))).build();
        }
    }

    private TemplateInstance page(long id, Map<String, String> errors, Map<String, String> form) {
        ExhibitorApplication a = applications.get(id);
        return Templates.review(exhibitions.get(a.exhibitionId), a, a.status == ApplicationStatus.CONFIRMED,
                roster.of(id), roster.quota(a), errors, form);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
