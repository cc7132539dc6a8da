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
import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.Holiday;
import org.expodesk.exhibition.Stage;
import org.expodesk.plan.EditionCopier;
import org.expodesk.plan.PlanTemplates;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The shape of an exhibition's project: its stages (names, windows, managers), its days off,
 * and what to do with its plan as a whole (keep it as a template, start the next edition).
 */
@Path("/exhibitions/{id}/settings")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Exhibition exhibition, List<Stage> stages, List<Holiday> holidays,
                                                List<UserAccount> staff, Map<String, String> errors);
    }

    @Inject
    ExhibitionService exhibitions;

    @Inject
    UserService users;

    @Inject
    EditionCopier copier;

    @Inject
    PlanTemplates templates;

    @Inject
    RequestLocale locale;

    @Inject
    org.expodesk.plan.StageGate gate;


    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        return page(id, Map.of());
    }

    @POST
    @Path("/stages/{stageId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateStage(@PathParam("id") long id, @PathParam("stageId") long stageId,
                                @RestForm Long version, @RestForm String name, @RestForm String startsOn,
                                @RestForm String endsOn, @RestForm String manager) {
        if (exhibitions.stageById(stageId).exhibitionId != id) {
            throw ProblemException.notFound("Stage");
        }
        return act(id, errors -> {
            LocalDate starts = errors.date(startsOn, "startsOn");
            LocalDate ends = errors.date(endsOn, "endsOn");
            if (errors.isEmpty()) {
                exhibitions.updateStage(stageId, new ExhibitionService.StageChanges(version, name == null ? "" : name,
                        starts, ends, manager == null ? "" : manager));
            }
        }, "settings_stageSaved");
    }

    @POST
    @Path("/stages/{stageId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeStage(@PathParam("id") long id, @PathParam("stageId") long stageId) {
        if (exhibitions.stageById(stageId).exhibitionId != id) {
            throw ProblemException.notFound("Stage");
        }
        try {
            gate.remove(stageId);
            return Pages.redirectWithFlash("/exhibitions/" + id + "/settings", "settings_stageRemoved");
        } catch (ProblemException refused) {
            if (refused.problem().status() != 409) {
                throw refused;
            }
            return Response.status(409).entity(page(id, Map.of("form", refused.problem().detail()))).build();
        }
    }

    @POST
    @Path("/stages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addStage(@PathParam("id") long id, @RestForm String code, @RestForm String name,
                             @RestForm String startsOn, @RestForm String endsOn) {
        return act(id, errors -> {
            LocalDate starts = errors.date(startsOn, "startsOn");
            LocalDate ends = errors.date(endsOn, "endsOn");
            if (errors.isEmpty()) {
                exhibitions.addStage(id, code, name, starts, ends);
            }
        }, "settings_stageAdded");
    }

    @POST
    @Path("/holidays")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addHoliday(@PathParam("id") long id, @RestForm String day, @RestForm String name) {
        return act(id, errors -> {
            LocalDate date = errors.date(day, "day");
            if (errors.isEmpty()) {
                exhibitions.addHoliday(id, date, name);
            }
        }, "settings_holidayAdded");
    }

    @POST
    @Path("/template")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response keepAsTemplate(@PathParam("id") long id, @RestForm("templateName") String name) {
        return act(id, errors -> templates.save(id, name), "settings_templateSaved");
    }

    @POST
    @Path("/next-edition")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response nextEdition(@PathParam("id") long id, @RestForm("editionCode") String code,
                                @RestForm("editionName") String name, @RestForm("editionOpensOn") String opensOn,
                                @RestForm("editionClosesOn") String closesOn) {
        FormErrors errors = new FormErrors(locale.get());
        LocalDate opens = errors.date(opensOn, "editionOpensOn");
        LocalDate closes = errors.date(closesOn, "editionClosesOn");
        if (errors.isEmpty()) {
            try {
                long edition = copier.copy(id, new EditionCopier.NextEdition(code, name, opens, closes, true));
                return Pages.redirectWithFlash("/exhibitions/" + edition, "settings_editionCreated");
            } catch (ProblemException refused) {
                if (refused.problem().status() == 404) {
                    throw refused;
                }
                errors.addAll(refused);
                prefix(errors);
            }
        }
        return Response.status(400).entity(page(id, errors.map())).build();
    }

    /** Field errors of the next-edition form come back under its own field names. */
    private static void prefix(FormErrors errors) {
        Map<String, String> map = errors.map();
        for (String field : List.of("code", "name", "opensOn", "closesOn")) {
            String message = map.remove(field);
            if (message != null) {
                map.put("edition" + Character.toUpperCase(field.charAt(0)) + field.substring(1), message);
            }
        }
    }

    private interface Action {
        void run(FormErrors errors);
    }

    private Response act(long id, Action action, String doneKey) {
        FormErrors errors = new FormErrors(locale.get());
        try {
            action.run(errors);
            if (errors.isEmpty()) {
                return Pages.redirectWithFlash("/exhibitions/" + id + "/settings", doneKey);
            }
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            if (refused.problem().status() == 409) {
                errors.add("form", "error_409_text");
            } else {
                errors.addAll(refused);
            }
        }
        return Response.status(400).entity(page(id, errors.map())).build();
    }

    private TemplateInstance page(long id, Map<String, String> errors) {
        return Templates.settings(exhibitions.get(id), exhibitions.stages(id), exhibitions.holidays(id), users.staff(),
                errors);
    }
}
