package org.expodesk.followup.manual.pages;

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
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.followup.manual.ExhibitorManuals;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Map;

/** Staff keep an edition's exhibitor manual address and the exhibitors' deadlines. */
@Path("/exhibitions/{id}/exhibitor-manual")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class ExhibitorManualPage {

    /** What a failed form sent, shown again: the manual's address, or a new deadline's title and day. */
    public record Typed(String url, String title, String dueOn) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance manual(Exhibition exhibition, ExhibitorManuals.Manual manual, Typed typed,
                                              Map<String, String> errors);
    }

    @Inject
    ExhibitorManuals manuals;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        ExhibitorManuals.Manual m = manuals.of(id);
        return Templates.manual(exhibitions.get(id), m, new Typed(m.url(), "", ""), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveUrl(@PathParam("id") long id, @RestForm String url, @RestForm String version) {
        try {
            manuals.setUrl(id, url, version == null || version.isBlank() ? null : Long.valueOf(version.trim()));
            return Pages.redirectWithFlash(path(id), "followup_manual_saved");
        } catch (NumberFormatException e) {
            return refused(id, new Typed(url, "", ""), ProblemException.conflict("followup_manual_changedMeanwhile"));
        } catch (ProblemException refused) {
            return refused(id, new Typed(url, "", ""), refused);
        }
    }

    @POST
    @Path("/deadlines")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addDeadline(@PathParam("id") long id, @RestForm String title, @RestForm String dueOn) {
        try {
            manuals.addDeadline(id, new ExhibitorManuals.NewDeadline(title, dueOn));
            return Pages.redirectWithFlash(path(id), "followup_manual_deadlineAdded");
        } catch (ProblemException refused) {
            return refused(id, new Typed(manuals.of(id).url(), title, dueOn), refused);
        }
    }

    @POST
    @Path("/deadlines/{deadlineId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeDeadline(@PathParam("id") long id, @PathParam("deadlineId") long deadlineId) {
        manuals.removeDeadline(id, deadlineId);
        return Pages.redirectWithFlash(path(id), "followup_manual_deadlineRemoved");
    }

    private Response refused(long id, Typed typed, ProblemException refused) {
        if (refused.problem().status() == 404) {
            throw refused;
        }
        FormErrors errors = new FormErrors(locale.get());
        if (refused.problem().status() == 409) {
            errors.add("form", "followup_manual_changedMeanwhile");
        } else {
            errors.addAll(refused);
        }
        return Response.status(refused.problem().status())
                .entity(Templates.manual(exhibitions.get(id), manuals.of(id), typed, errors.map())).build();
    }

    private static String path(long id) {
        return "/exhibitions/" + id + "/exhibitor-manual";
    }
}
