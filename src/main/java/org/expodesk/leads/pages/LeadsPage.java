package org.expodesk.leads.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.leads.Exhibiting;
import org.expodesk.leads.LeadExports;
import org.expodesk.leads.LeadQuestion;
import org.expodesk.leads.LeadQuestions;
import org.expodesk.leads.LeadRating;
import org.expodesk.leads.LeadScanner;
import org.expodesk.leads.LeadView;
import org.expodesk.leads.LeadViews;
import org.expodesk.leads.Leads;
import org.expodesk.leads.ScanResult;
import org.expodesk.party.export.ExportResponses;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lead retrieval in the exhibitor portal: the editions the organization exhibits at, the scanning
 * page for phones (keyboard-like scanner or camera, offline queue: /js/leads.js), the leads with
 * their rating, notes, tags and answers, the qualifying questions and the exports. Everything is the
 * signed-in exhibitor's own organization; another's lead is a 404.
 */
@Path("/portal/leads")
@RolesAllowed(org.expodesk.platform.Roles.EXHIBITOR)
@Produces(MediaType.TEXT_HTML)
public class LeadsPage {

    /** The texts the scanning script shows. */
    static final List<String> SCRIPT_KEYS = List.of("leads_outcome_CREATED", "leads_outcome_EXISTING",
            "leads_outcome_REFUSED", "leads_outcome_QUEUED", "leads_online", "leads_offline", "leads_signedOut",
            "leads_cameraFailed", "leads_open");

    /** A form that failed: what it sent and its errors. */
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

    /** A qualifying question with the lead's answer, as the edit form shows it. */
    public record Asked(LeadQuestion question, String answer) {

        public boolean is(String choice) {
            return choice.equals(answer);
        }

        /** The form field of the answer. */
        public String name() {
            return "answer-" + question.id;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance editions(List<Exhibition> editions);

        static native TemplateInstance leads(Exhibition exhibition, List<LeadView> leads, List<LeadQuestion> questions,
                                             Failed failed);

        static native TemplateInstance lead(Exhibition exhibition, LeadView lead, List<Asked> asked,
                                            List<LeadRating> ratings, Failed failed);

        static native TemplateInstance scan(Exhibition exhibition, String lang, String messages, String refusal,
                                            long owner);
    }

    private static final Failed NONE = new Failed("", Map.of(), Map.of());

    @Inject
    Leads leads;

    @Inject
    LeadScanner scanner;

    @Inject
    LeadViews views;

    @Inject
    LeadQuestions questions;

    @Inject
    LeadExports exports;

    @Inject
    Exhibiting exhibiting;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @Inject
    ObjectMapper json;

    @GET
    public TemplateInstance editions() {
        long organization = organization();
        List<Exhibition> mine = new ArrayList<>();
        for (long id : exhibiting.editionsOf(organization)) {
            mine.add(exhibitions.get(id));
        }
        return Templates.editions(mine);
    }

    @GET
    @Path("/{exhibitionId: \\d+}")
    public TemplateInstance leads(@PathParam("exhibitionId") long exhibitionId) {
        return leadsPage(exhibitionId, NONE);
    }

    @GET
    @Path("/{exhibitionId: \\d+}/scan")
    public TemplateInstance scanPage(@PathParam("exhibitionId") long exhibitionId) throws JsonProcessingException {
        return scanPage(exhibitionId, null);
    }

    /** Without the script: one code typed and sent as a form; the lead opens, or the page says why not. */
    @POST
    @Path("/{exhibitionId: \\d+}/scan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response scan(@PathParam("exhibitionId") long exhibitionId, @RestForm String code)
            throws JsonProcessingException {
        long organization = organization();
        exhibiting.require(organization, exhibitionId);
        if (code == null || code.isBlank()) {
            return Response.seeOther(java.net.URI.create("/portal/leads/" + exhibitionId + "/scan")).build();
        }
        ScanResult result = scanner.scan(organization, exhibitionId, new Leads.Scan(code, null, null), username());
        if (result.outcome() == ScanResult.Outcome.REFUSED) {
            return Response.status(422).entity(scanPage(exhibitionId,
                    Messages.text(locale.get(), "leads_reason_" + result.reason()))).build();
        }
        return Pages.redirect("/portal/leads/" + exhibitionId + "/" + result.leadId());
    }

    /**
     * The scanning script's upload: its queue as JSON in the form field {@code scans} (a form post, so
     * the CSRF filter checks it), answered with each scan's result.
     */
    @POST
    @Path("/{exhibitionId: \\d+}/batch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response batch(@PathParam("exhibitionId") long exhibitionId, @RestForm String scans) {
        long organization = organization();
        List<Leads.Scan> items;
        try {
            Map<String, Object>[] raw = json.readValue(scans == null ? "[]" : scans, Map[].class);
            items = new ArrayList<>();
            for (Map<String, Object> s : raw) {
                // a null item goes on to the batch's own checks, which refuse it as a field error
                items.add(s == null ? null
                        : new Leads.Scan(text(s.get("code")), text(s.get("scanId")), instant(s.get("scannedAt"))));
            }
        } catch (JsonProcessingException | ClassCastException e) {
            return Response.status(400).entity(Map.of("errors", List.of(Map.of("field", "scans",
                    "message", Messages.text(locale.get(), "leads_batchUnreadable"))))).build();
        }
        try {
            List<Map<String, Object>> results = new ArrayList<>();
            for (ScanResult r : scanner.batch(organization, exhibitionId, items, username())) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("scanId", r.scanId());
                one.put("outcome", r.outcome());
                if (r.outcome() == ScanResult.Outcome.REFUSED) {
                    one.put("message", Messages.text(locale.get(), "leads_reason_" + r.reason()));
                } else {
                    LeadView lead = views.of(leads.get(organization, exhibitionId, r.leadId()));
                    one.put("lead", r.leadId());
                    one.put("title", lead.title());
                    one.put("organization", lead.organization());
                }
                results.add(one);
            }
            return Response.ok(Map.of("results", results)).build();
        } catch (ProblemException refused) {
            if (refused.problem().status() != 400) {
                throw refused;
            }
            List<Map<String, String>> errors = new ArrayList<>();
            for (FieldError e : refused.problem().errors()) {
                errors.add(Map.of("field", e.field(), "message", Messages.text(locale.get(), e.message())));
            }
            return Response.status(400).entity(Map.of("errors", errors)).build();
        }
    }

    @GET
    @Path("/{exhibitionId: \\d+}/{leadId: \\d+}")
    public TemplateInstance lead(@PathParam("exhibitionId") long exhibitionId, @PathParam("leadId") long leadId) {
        return leadPage(exhibitionId, leadId, NONE);
    }

    /** Rating, notes, tags and the answers ({@code answer-<question id>}); a failure shows the form again as sent. */
    @POST
    @Path("/{exhibitionId: \\d+}/{leadId: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("exhibitionId") long exhibitionId, @PathParam("leadId") long leadId,
                         MultivaluedMap<String, String> posted) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        posted.forEach((name, list) -> {
            String value = list == null || list.isEmpty() ? "" : list.get(0);
            values.put(name, value);
            if (name.startsWith("answer-")) {
                answers.put(name.substring("answer-".length()), value);
            }
        });
        String version = values.getOrDefault("version", "");
        try {
            leads.update(organization(), exhibitionId, leadId, new Leads.Changes(
                    version.matches("\\d{1,18}") ? Long.valueOf(version) : null, values.getOrDefault("rating", ""),
                    values.getOrDefault("notes", ""), values.getOrDefault("tags", ""), answers));
            return Pages.redirectWithFlash("/portal/leads/" + exhibitionId + "/" + leadId, "leads_saved");
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            new FormErrors(locale.get()).addAll(refused).map().forEach((field, message) ->
                    errors.put(field.startsWith("answers.") ? "answer-" + field.substring("answers.".length()) : field,
                            message));
            return Response.status(refused.problem().status()).entity(leadPage(exhibitionId, leadId,
                    new Failed("lead", values, errors))).build();
        }
    }

    @POST
    @Path("/{exhibitionId: \\d+}/questions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addQuestion(@PathParam("exhibitionId") long exhibitionId, @RestForm String kind,
                                @RestForm String label, @RestForm String choices) {
        try {
            questions.add(organization(), exhibitionId, new LeadQuestions.NewQuestion(kind, label,
                    choices == null ? List.of() : List.of(choices.split("\\R"))));
            return Pages.redirectWithFlash("/portal/leads/" + exhibitionId, "leads_questionAdded");
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            return Response.status(400).entity(leadsPage(exhibitionId, new Failed("question",
                    Map.of("kind", nz(kind), "label", nz(label), "choices", nz(choices)),
                    new FormErrors(locale.get()).addAll(refused).map()))).build();
        }
    }

    @POST
    @Path("/{exhibitionId: \\d+}/questions/{questionId: \\d+}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeQuestion(@PathParam("exhibitionId") long exhibitionId,
                                   @PathParam("questionId") long questionId) {
        questions.remove(organization(), exhibitionId, questionId);
        return Pages.redirectWithFlash("/portal/leads/" + exhibitionId, "leads_questionRemoved");
    }

    @GET
    @Path("/{exhibitionId: \\d+}/export.{format: csv|xlsx}")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Response export(@PathParam("exhibitionId") long exhibitionId, @PathParam("format") String format) {
        return ExportResponses.download(exports.table(organization(), exhibitionId, ExportResponses.format(format)));
    }

    @GET
    @Path("/{exhibitionId: \\d+}/export.vcf")
    @Produces("text/vcard")
    public Response vcards(@PathParam("exhibitionId") long exhibitionId) {
        return Response.ok(LeadExports.bytes(exports.vcards(organization(), exhibitionId)), "text/vcard; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"leads-" + exhibitionId + ".vcf\"").build();
    }

    private TemplateInstance leadsPage(long exhibitionId, Failed failed) {
        long organization = organization();
        List<LeadView> list = views.of(leads.of(organization, exhibitionId));
        return Templates.leads(exhibitions.get(exhibitionId), list, questions.of(organization, exhibitionId), failed);
    }

    private TemplateInstance leadPage(long exhibitionId, long leadId, Failed failed) {
        long organization = organization();
        exhibiting.require(organization, exhibitionId);
        LeadView lead = views.of(leads.get(organization, exhibitionId, leadId));
        Map<Long, String> given = new LinkedHashMap<>();
        lead.answers().forEach(a -> given.put(a.questionId(), a.answer()));
        List<Asked> asked = questions.of(organization, exhibitionId).stream()
                .map(q -> new Asked(q, failed.is("lead") ? failed.value("answer-" + q.id) : given.get(q.id)))
                .toList();
        return Templates.lead(exhibitions.get(exhibitionId), lead, asked, List.of(LeadRating.values()), failed);
    }

    private TemplateInstance scanPage(long exhibitionId, String refusal) throws JsonProcessingException {
        exhibiting.require(organization(), exhibitionId);
        Locale l = locale.get();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : SCRIPT_KEYS) {
            texts.put(key, Messages.text(l, key));
        }
        return Templates.scan(exhibitions.get(exhibitionId), l.getLanguage().equals("zh") ? "zh-CN" : "en",
                json.writeValueAsString(texts), refusal, currentUser.require().userId());
    }

    private long organization() {
        Long id = currentUser.require().organizationId();
        if (id == null) {
            throw ProblemException.notFound("Exhibitor");
        }
        return id;
    }

    private String username() {
        return currentUser.require().username();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Instant instant(Object value) {
        try {
            return value == null ? null : Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String nz(String value) {
        return value == null ? "" : value;
    }
}
