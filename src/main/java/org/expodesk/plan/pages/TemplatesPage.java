package org.expodesk.plan.pages;

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
import org.expodesk.plan.PlanTemplate;
import org.expodesk.plan.PlanTemplates;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;

/** The plan templates, and starting a new show from one. */
@Path("/plan-templates")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class TemplatesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance templates(List<PlanTemplate> templates, Map<String, String> errors);
    }

    @Inject
    PlanTemplates templates;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list() {
        return Templates.templates(templates.list(), Map.of());
    }

    @POST
    @Path("/{id}/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("id") long id, @RestForm String code, @RestForm String name,
                          @RestForm String venue, @RestForm String city, @RestForm String timezone,
                          @RestForm String opensOn, @RestForm String closesOn) {
        FormErrors errors = new FormErrors(locale.get());
        var opens = errors.date(opensOn, "opensOn");
        var closes = errors.date(closesOn, "closesOn");
        if (errors.isEmpty()) {
            try {
                Exhibition show = templates.start(id, new ExhibitionService.NewExhibition(code, name, venue, city,
                        timezone, opens, closes, null, null, null));
                return Pages.redirectWithFlash("/exhibitions/" + show.id, "exhibition_created");
            } catch (ProblemException refused) {
                if (refused.problem().status() == 404) {
                    throw refused;
                }
                errors.addAll(refused);
            }
        }
        return Response.status(400).entity(Templates.templates(templates.list(), errors.map())).build();
    }
}
