package org.expodesk.checkin.pages;

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
import org.expodesk.account.CodeSetConverter;
import org.expodesk.checkin.EntryPolicies;
import org.expodesk.checkin.EntryPolicy;
import org.expodesk.checkin.Gate;
import org.expodesk.checkin.GateKind;
import org.expodesk.checkin.Gates;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An edition's gates and the entry policy of each category, for staff. */
@Path("/exhibitions/{id}/gates")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class GatesPage {

    /** A gate's form as typed; {@code gateId} null for the new-gate form. */
    public record GateForm(Long gateId, String name, String kind, String zones, String categories) {

        static final GateForm EMPTY = new GateForm(null, "", GateKind.BOTH.name(), "", "");

        public boolean isFor(Long id) {
            return java.util.Objects.equals(gateId, id);
        }

        public boolean isKind(GateKind value) {
            return value.name().equals(kind);
        }
    }

    /** A category's policy on the form. */
    public record PolicyRow(String category, EntryPolicy policy) {
        public boolean is(EntryPolicy value) {
            return policy == value;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance gates(Exhibition exhibition, List<Gate> gates, List<GateKind> kinds,
                                             List<EntryPolicy> policyValues, GateForm addForm,
                                             Map<String, String> addErrors, GateForm editForm,
                                             Map<String, String> editErrors, List<PolicyRow> policies,
                                             Map<String, String> policyErrors, String refusal);
    }

    @Inject
    Gates gates;

    @Inject
    EntryPolicies policies;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        return page(id, GateForm.EMPTY, Map.of(), null, Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") long id, @RestForm String name, @RestForm String kind,
                        @RestForm String zones, @RestForm String categories) {
        GateForm form = new GateForm(null, name, kind, zones, categories);
        try {
            gates.create(id, input(form));
            return Pages.redirectWithFlash(here(id), "gate_added");
        } catch (ProblemException refused) {
            return refusal(id, form, refused);
        }
    }

    @POST
    @Path("/{gateId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, @PathParam("gateId") long gateId, @RestForm String name,
                         @RestForm String kind, @RestForm String zones, @RestForm String categories,
                         @RestForm Long version) {
        GateForm form = new GateForm(gateId, name, kind, zones, categories);
        try {
            ownGate(id, gateId);
            gates.update(gateId, input(form), version);
            return Pages.redirectWithFlash(here(id), "gate_saved");
        } catch (ProblemException refused) {
            return refusal(id, form, refused);
        }
    }

    @POST
    @Path("/{gateId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") long id, @PathParam("gateId") long gateId) {
        try {
            ownGate(id, gateId);
            gates.delete(gateId);
            return Pages.redirectWithFlash(here(id), "gate_removed");
        } catch (ProblemException refused) {
            return refusal(id, GateForm.EMPTY, refused);
        }
    }

    /** Every category row at once: a blank policy drops the category back to the default. */
    @POST
    @Path("/policies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response policies(@PathParam("id") long id, @RestForm("category") List<String> categories,
                             @RestForm("policy") List<String> chosen) {
        List<PolicyRow> rows = new ArrayList<>();
        List<EntryPolicies.Setting> settings = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            String category = categories.get(i) == null ? "" : categories.get(i).trim();
            String value = i < chosen.size() ? chosen.get(i) : "";
            EntryPolicy policy = parsePolicy(value);
            rows.add(new PolicyRow(category, policy));
            if (!category.isEmpty() && value != null && !value.isBlank()) {
                settings.add(new EntryPolicies.Setting(category, policy));
            }
        }
        try {
            policies.replace(id, settings);
            return Pages.redirectWithFlash(here(id), "gate_policiesSaved");
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            Map<String, String> messages = new FormErrors(locale.get()).addAll(refused).map();
            String first = messages.isEmpty() ? null : messages.values().iterator().next();
            return Response.status(refused.problem().status()).entity(page(id, GateForm.EMPTY, Map.of(), rows,
                    first == null ? Map.of() : Map.of("policies", first), null)).build();
        }
    }

    private void ownGate(long exhibitionId, long gateId) {
        if (gates.get(gateId).exhibitionId != exhibitionId) {
            throw ProblemException.notFound("Gate");
        }
    }

    private static EntryPolicy parsePolicy(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EntryPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Gates.GateInput input(GateForm form) {
        GateKind kind = null;
        if (form.kind() != null) {
            try {
                kind = GateKind.valueOf(form.kind());
            } catch (IllegalArgumentException unknown) {
                kind = null;
            }
        }
        return new Gates.GateInput(form.name(), kind, CodeSetConverter.parse(form.zones()),
                CodeSetConverter.parse(form.categories()));
    }

    private Response refusal(long id, GateForm form, ProblemException refused) {
        if (refused.problem().status() == 404) {
            throw refused;
        }
        if (refused.problem().status() == 400) {
            return Response.status(400).entity(page(id, form, new FormErrors(locale.get()).addAll(refused).map(), null,
                    Map.of(), null)).build();
        }
        return Response.status(refused.problem().status()).entity(page(id, GateForm.EMPTY, Map.of(), null, Map.of(),
                Messages.text(locale.get(), refused.problem().detail()))).build();
    }

    private TemplateInstance page(long id, GateForm form, Map<String, String> errors, List<PolicyRow> typedPolicies,
                                  Map<String, String> policyErrors, String refusal) {
        Exhibition exhibition = exhibitions.get(id);
        List<PolicyRow> rows = typedPolicies;
        if (rows == null) {
            rows = new ArrayList<>();
            for (Map.Entry<String, EntryPolicy> e : policies.of(id).entrySet()) {
                rows.add(new PolicyRow(e.getKey(), e.getValue()));
            }
        }
        rows = new ArrayList<>(rows);
        // room to add categories
        rows.add(new PolicyRow("", null));
        rows.add(new PolicyRow("", null));
        boolean adding = form.gateId() == null;
        return Templates.gates(exhibition, gates.list(id), List.of(GateKind.values()), List.of(EntryPolicy.values()),
                adding ? form : GateForm.EMPTY, adding ? errors : Map.of(), adding ? GateForm.EMPTY : form,
                adding ? Map.of() : errors, rows, policyErrors, refusal);
    }

    private static String here(long id) {
        return "/exhibitions/" + id + "/gates";
    }
}
