package org.expodesk.followup.pages;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.followup.FollowUpRule;
import org.expodesk.followup.FollowUpRules;
import org.expodesk.followup.RuleKind;
import org.expodesk.followup.RuleKinds;
import org.expodesk.followup.RuleRunner;
import org.expodesk.mail.MailStatus;
import org.expodesk.mail.OutboxQuery;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The follow-up rules of an edition: the list with each rule's due day, last run and mails by
 * status; a rule's page with its dry run, enable/disable, run now and the edit form.
 */
@Path("/exhibitions/{id}/followup")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class FollowUpRulesPage {

    /** A rule in the list: what it is, when it fires, what its mails became. */
    public record RuleRow(FollowUpRule rule, String kindLabel, LocalDate dueDay, String mails) {
    }

    public record KindOption(String key, String label) {
    }

    /** The rule form as typed; every template part in both languages. */
    public record RuleForm(String kind, String name, String anchor, String offsetDays, String subjectEn, String textEn,
                           String htmlEn, String subjectZh, String textZh, String htmlZh, String version) {

        static RuleForm of(FollowUpRule r) {
            return new RuleForm(r.kind, r.name, r.anchor.name(), String.valueOf(r.offsetDays), r.subjectEn, r.textEn,
                    r.htmlEn, r.subjectZh, r.textZh, r.htmlZh, String.valueOf(r.version));
        }

        static RuleForm of(String kind, String name, FollowUpRules.Templates t) {
            return new RuleForm(kind, name, "CLOSING", "1", t.en().subject(), t.en().text(), t.en().html(),
                    t.zh().subject(), t.zh().text(), t.zh().html(), null);
        }

        public boolean isAnchor(String value) {
            return value.equals(anchor);
        }

        FollowUpRules.NewRule request(Boolean enabled) {
            return new FollowUpRules.NewRule(kind, name, anchor, number(offsetDays), enabled,
                    new FollowUpRules.Templates(new FollowUpRules.Part(subjectEn, textEn, htmlEn),
                            new FollowUpRules.Part(subjectZh, textZh, htmlZh)),
                    version == null || version.isBlank() ? null : Long.valueOf(version.trim()));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rules(Exhibition exhibition, List<RuleRow> rules, List<KindOption> kinds);

        static native TemplateInstance form(Exhibition exhibition, FollowUpRule rule, String kindLabel, RuleForm form,
                                            Map<String, String> errors, RuleRunner.DryRun dryRun, String refusal);
    }

    @Inject
    FollowUpRules rules;

    @Inject
    RuleKinds kinds;

    @Inject
    RuleRunner runner;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    OutboxQuery outboxQuery;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list(@PathParam("id") long id) {
        Exhibition e = exhibitions.get(id);
        List<RuleRow> rows = rules.of(id).stream().map(r -> new RuleRow(r, kindLabel(r.kind),
                r.dueDay(e.opensOn, e.closesOn), mails(r))).toList();
        return Templates.rules(e, rows, kinds.all().stream().map(k -> new KindOption(k.key(), kindLabel(k.key()))).toList());
    }

    /** A new rule's form, filled with the kind's built-in templates. */
    @GET
    @Path("/new")
    public TemplateInstance newRule(@PathParam("id") long id, @QueryParam("kind") String kind) {
        RuleKind k = kinds.find(kind).orElseThrow(() -> ProblemException.notFound("Rule kind"));
        return Templates.form(exhibitions.get(id), null, kindLabel(k.key()),
                RuleForm.of(k.key(), kindLabel(k.key()), rules.defaults(k.key())), Map.of(), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("id") long id, @RestForm String kind, @RestForm String name,
                           @RestForm String anchor, @RestForm String offsetDays, @RestForm String subjectEn,
                           @RestForm String textEn, @RestForm String htmlEn, @RestForm String subjectZh,
                           @RestForm String textZh, @RestForm String htmlZh) {
        RuleForm form = new RuleForm(kind, name, anchor, offsetDays, subjectEn, textEn, htmlEn, subjectZh, textZh,
                htmlZh, null);
        try {
            FollowUpRule rule = rules.create(id, form.request(false));
            return Pages.redirectWithFlash("/exhibitions/" + id + "/followup/" + rule.id, "followup_created");
        } catch (ProblemException refused) {
            return refusedForm(id, null, form, refused);
        }
    }

    @GET
    @Path("/{ruleId}")
    public TemplateInstance show(@PathParam("id") long id, @PathParam("ruleId") long ruleId) {
        FollowUpRule rule = ruleOf(id, ruleId);
        return page(id, rule, RuleForm.of(rule), Map.of(), null);
    }

    @POST
    @Path("/{ruleId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @PathParam("ruleId") long ruleId, @RestForm String kind,
                           @RestForm String name, @RestForm String anchor, @RestForm String offsetDays,
                           @RestForm String subjectEn, @RestForm String textEn, @RestForm String htmlEn,
                           @RestForm String subjectZh, @RestForm String textZh, @RestForm String htmlZh,
                           @RestForm String version) {
        FollowUpRule rule = ruleOf(id, ruleId);
        RuleForm form = new RuleForm(kind == null ? rule.kind : kind, name, anchor, offsetDays, subjectEn, textEn,
                htmlEn, subjectZh, textZh, htmlZh, version);
        try {
            rules.update(ruleId, form.request(null));
            return Pages.redirectWithFlash("/exhibitions/" + id + "/followup/" + ruleId, "followup_saved");
        } catch (ProblemException refused) {
            return refusedForm(id, rule, form, refused);
        }
    }

    @POST
    @Path("/{ruleId}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") long id, @PathParam("ruleId") long ruleId, @RestForm String enabled,
                           @RestForm String version) {
        ruleOf(id, ruleId);
        boolean on = "true".equals(enabled);
        try {
            rules.enable(ruleId, on, version == null || version.isBlank() ? null : Long.valueOf(version.trim()));
        } catch (NumberFormatException | ProblemException refused) {
            return refusal(id, ruleId, refused);
        }
        return Pages.redirectWithFlash("/exhibitions/" + id + "/followup/" + ruleId,
                on ? "followup_enabled" : "followup_disabled");
    }

    @POST
    @Path("/{ruleId}/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run(@PathParam("id") long id, @PathParam("ruleId") long ruleId) {
        ruleOf(id, ruleId);
        try {
            runner.runNow(ruleId);
        } catch (ProblemException refused) {
            return refusal(id, ruleId, refused);
        }
        return Pages.redirectWithFlash("/exhibitions/" + id + "/followup/" + ruleId, "followup_ran");
    }

    @POST
    @Path("/{ruleId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, @PathParam("ruleId") long ruleId) {
        ruleOf(id, ruleId);
        rules.delete(ruleId);
        return Pages.redirectWithFlash("/exhibitions/" + id + "/followup", "followup_deleted");
    }

    private Response refusedForm(long id, FollowUpRule rule, RuleForm form, ProblemException refused) {
        if (refused.problem().status() == 404) {
            throw refused;
        }
        FormErrors errors = new FormErrors(locale.get());
        if (refused.problem().status() == 409) {
            errors.add("form", "followup_changedMeanwhile");
        } else {
            errors.addAll(refused);
        }
        Map<String, String> byField = errors.map().entrySet().stream().collect(Collectors.toMap(
                entry -> formField(entry.getKey()), Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
        return Response.status(refused.problem().status()).entity(page(id, rule, form, byField, null)).build();
    }

    private Response refusal(long id, long ruleId, RuntimeException refused) {
        int status = refused instanceof ProblemException p ? p.problem().status() : 400;
        String message = Messages.text(locale.get(), refused instanceof ProblemException p && p.problem().detail() != null
                ? p.problem().detail() : "followup_changedMeanwhile");
        FollowUpRule rule = rules.get(ruleId);
        return Response.status(status).entity(page(id, rule, RuleForm.of(rule), Map.of(), message)).build();
    }

    private TemplateInstance page(long id, FollowUpRule rule, RuleForm form, Map<String, String> errors, String refusal) {
        String kind = rule != null ? rule.kind : form.kind();
        return Templates.form(exhibitions.get(id), rule, kindLabel(kind), form, errors,
                rule == null ? null : runner.dryRun(rule.id), refusal);
    }

    /** {@code templates.en.subject} of the service is the form's {@code subjectEn}. */
    private static String formField(String field) {
        if (!field.startsWith("templates.")) {
            return field;
        }
        String[] parts = field.split("\\.");
        return parts.length < 3 ? field : parts[2] + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1);
    }

    private FollowUpRule ruleOf(long exhibitionId, long ruleId) {
        FollowUpRule rule = rules.get(ruleId);
        if (rule.exhibitionId != exhibitionId) {
            throw ProblemException.notFound("FollowUpRule");
        }
        return rule;
    }

    private String mails(FollowUpRule rule) {
        Map<MailStatus, Long> counts = outboxQuery.countsByStatus(rule.purpose(false, null));
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> Messages.text(locale.get(), e.getKey().labelKey()) + " " + e.getValue())
                .collect(Collectors.joining(" · "));
    }

    private String kindLabel(String key) {
        String message = "followup_kind_" + key.replace('-', '_');
        return Messages.has(message) ? Messages.text(locale.get(), message) : key;
    }

    private static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // refused as out of range, with the same message
        }
    }
}
