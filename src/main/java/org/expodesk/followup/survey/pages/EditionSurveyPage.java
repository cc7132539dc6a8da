package org.expodesk.followup.survey.pages;

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
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.followup.survey.SurveySetup;
import org.expodesk.followup.survey.Surveys;
import org.expodesk.party.CsvExport;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An edition's survey for staff: its aspects, open or closed, the results, and the answers as CSV. */
@Path("/exhibitions/{id}/survey")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class EditionSurveyPage {

    /** The new-aspect form as typed. */
    public record AspectForm(String labelEn, String labelZh) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance survey(Exhibition exhibition, SurveySetup.Config config, Surveys.Results results,
                                              AspectForm form, Map<String, String> errors, String refusal);
    }

    @Inject
    SurveySetup setup;

    @Inject
    Surveys surveys;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    RequestLocale locale;

    @Inject
    AuditLog audit;

    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        return page(id, new AspectForm("", ""), Map.of(), null);
    }

    @POST
    @Path("/state")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response state(@PathParam("id") long id, @RestForm String open) {
        boolean opening = "true".equals(open);
        setup.setOpen(id, opening);
        return Pages.redirectWithFlash(here(id), opening ? "survey_opened" : "survey_closed");
    }

    @POST
    @Path("/aspects")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") long id, @RestForm String labelEn, @RestForm String labelZh) {
        try {
            setup.addAspect(id, labelEn, labelZh);
            return Pages.redirectWithFlash(here(id), "survey_aspectAdded");
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            return Response.status(400).entity(page(id, new AspectForm(labelEn, labelZh),
                    new FormErrors(locale.get()).addAll(refused).map(), null)).build();
        }
    }

    @POST
    @Path("/aspects/{aspectId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("id") long id, @PathParam("aspectId") long aspectId, @RestForm String labelEn,
                           @RestForm String labelZh) {
        try {
            setup.renameAspect(id, aspectId, labelEn, labelZh);
            return Pages.redirectWithFlash(here(id), "survey_aspectSaved");
        } catch (ProblemException refused) {
            return refusal(id, refused);
        }
    }

    @POST
    @Path("/aspects/{aspectId}/active")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response active(@PathParam("id") long id, @PathParam("aspectId") long aspectId, @RestForm String active) {
        setup.setAspectActive(id, aspectId, "true".equals(active));
        return Pages.redirectWithFlash(here(id), "survey_aspectSaved");
    }

    @POST
    @Path("/aspects/{aspectId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") long id, @PathParam("aspectId") long aspectId) {
        try {
            setup.removeAspect(id, aspectId);
            return Pages.redirectWithFlash(here(id), "survey_aspectRemoved");
        } catch (ProblemException refused) {
            return refusal(id, refused);
        }
    }

    /** Every answer with its scores by aspect code; cells that look like formulas are escaped. Audited. */
    @GET
    @Path("/answers.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response csv(@PathParam("id") long id) {
        SurveySetup.Config config = setup.config(id);
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<Object> header = new ArrayList<>(List.of("answer", "answeredAt", "person", "organization", "role", "nps"));
        config.aspects().forEach(a -> header.add(a.code));
        header.addAll(List.of("comment", "language"));
        csv.append(CsvExport.row(header));
        List<Surveys.AnswerView> answers = surveys.answers(id);
        for (Surveys.AnswerView a : answers) {
            List<Object> row = new ArrayList<>(List.of(a.id(), a.answeredAt(), a.personId(),
                    a.organizationId() == null ? "" : a.organizationId(), a.role().name(), a.nps()));
            config.aspects().forEach(aspect -> row.add(a.scores().getOrDefault(aspect.code, null)));
            row.add(a.comment());
            row.add(a.language());
            csv.append(CsvExport.row(row));
        }
        audit.record(AuditAction.EXPORT, "SurveyAnswer", null, "csv, survey of exhibition " + id + ", rows="
                + answers.size());
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"survey-" + id + "-answers.csv\"").build();
    }

    private Response refusal(long id, ProblemException refused) {
        if (refused.problem().status() == 404) {
            throw refused;
        }
        String message = refused.problem().status() == 400
                ? new FormErrors(locale.get()).addAll(refused).map().values().iterator().next()
                : Messages.text(locale.get(), refused.problem().detail());
        return Response.status(refused.problem().status())
                .entity(page(id, new AspectForm("", ""), Map.of(), message)).build();
    }

    private TemplateInstance page(long id, AspectForm form, Map<String, String> errors, String refusal) {
        Exhibition exhibition = exhibitions.get(id);
        return Templates.survey(exhibition, setup.config(id), surveys.results(id), form, errors, refusal);
    }

    private static String here(long id) {
        return "/exhibitions/" + id + "/survey";
    }
}
