package org.expodesk.exhibition.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The exhibitions staff run, and the form for a new one. */
@Path("/exhibitions")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class ExhibitionsPage {

    /** What the user typed, kept when the form comes back with errors. */
    public record ExhibitionForm(String code, String name, String venue, String city, String timezone, String opensOn,
                                 String closesOn, String buildUpFrom, String tearDownUntil) {

        static ExhibitionForm empty() {
            return new ExhibitionForm("", "", "", "", "Asia/Shanghai", "", "", "", "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance exhibitions(List<Exhibition> exhibitions, ExhibitionForm form,
                                                   Map<String, String> errors);
    }

    @Inject
    ExhibitionService exhibitions;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list() {
        return Templates.exhibitions(exhibitions.list(), ExhibitionForm.empty(), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String code, @RestForm String name, @RestForm String venue, @RestForm String city,
                           @RestForm String timezone, @RestForm String opensOn, @RestForm String closesOn,
                           @RestForm String buildUpFrom, @RestForm String tearDownUntil) {
        ExhibitionForm form = new ExhibitionForm(code, name, venue, city, timezone, opensOn, closesOn, buildUpFrom,
                tearDownUntil);
        FormErrors errors = new FormErrors(locale.get());
        LocalDate opens = errors.date(opensOn, "opensOn");
        LocalDate closes = errors.date(closesOn, "closesOn");
        LocalDate buildUp = errors.date(buildUpFrom, "buildUpFrom");
        LocalDate tearDown = errors.date(tearDownUntil, "tearDownUntil");
        try {
            if (errors.isEmpty()) {
                Exhibition created = exhibitions.create(new ExhibitionService.NewExhibition(code, name, venue, city,
                        timezone, opens, closes, buildUp, tearDown, null));
                return Pages.redirectWithFlash("/exhibitions/" + created.id, "exhibition_created");
            }
        } catch (ProblemException refused) {
            errors.addAll(refused);
        }
        return Response.status(400).entity(Templates.exhibitions(exhibitions.list(), form, errors.map())).build();
    }
}
