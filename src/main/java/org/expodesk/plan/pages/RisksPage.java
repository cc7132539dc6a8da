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
import org.expodesk.account.CurrentUser;
import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.plan.Risk;
import org.expodesk.plan.RiskRegister;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The risk register of an exhibition: risks by seriousness, new ones, activating a contingency plan. */
@Path("/exhibitions/{id}/risks")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class RisksPage {

    /** The new-risk form as typed; responses are one per line, "title | working days". */
    public record RiskForm(String title, String likelihood, String impact, String trigger, String responsePlan,
                           String owner, String responses) {

        static RiskForm empty() {
            return new RiskForm("", "3", "3", "", "", "", "");
        }

        public boolean isOwner(Long id) {
            return String.valueOf(id).equals(owner);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance risks(Exhibition exhibition, List<Risk> risks, Map<Long, String> names,
                                             List<UserAccount> staff, RiskForm form, Map<String, String> errors,
                                             String refusal);
    }

    @Inject
    RiskRegister register;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        return page(id, RiskForm.empty(), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") long id, @RestForm String title, @RestForm String likelihood,
                        @RestForm String impact, @RestForm String trigger, @RestForm String responsePlan,
                        @RestForm String owner, @RestForm String responses) {
        RiskForm form = new RiskForm(title, likelihood, impact, trigger, responsePlan, owner, responses);
        FormErrors errors = new FormErrors(locale.get());
        List<RiskRegister.NewResponse> prepared = new ArrayList<>();
        if (responses != null) {
            for (String line : responses.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\\|");
                Integer days = 1;
                if (parts.length > 1) {
                    try {
                        days = Integer.valueOf(parts[1].trim());
                    } catch (NumberFormatException e) {
                        errors.add("responses", "task_durationOutOfRange");
                    }
                }
                prepared.add(new RiskRegister.NewResponse(parts[0].trim(), days, null, null, null));
            }
        }
        if (errors.isEmpty()) {
            try {
                register.add(id, new RiskRegister.NewRisk(title, number(likelihood), number(impact), trigger,
                        responsePlan, owner, prepared));
                return Pages.redirectWithFlash("/exhibitions/" + id + "/risks", "risk_added");
            } catch (ProblemException refused) {
                if (refused.problem().status() == 404) {
                    throw refused;
                }
                errors.addAll(refused);
            }
        }
        return Response.status(400).entity(page(id, form, errors.map(), null)).build();
    }

    @POST
    @Path("/{riskId}/activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activate(@PathParam("id") long id, @PathParam("riskId") long riskId, @RestForm String reason) {
        if (register.get(riskId).exhibitionId != id) {
            throw ProblemException.notFound("Risk");
        }
        try {
            register.activate(riskId, reason, currentUser.require().userId(), currentUser.require().username());
            return Pages.redirectWithFlash("/exhibitions/" + id + "/risks", "risk_activated");
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            String message = refused.problem().status() == 400
                    ? new FormErrors(locale.get()).addAll(refused).map().values().iterator().next()
                    : refused.problem().detail();
            return Response.status(refused.problem().status()).entity(page(id, RiskForm.empty(), Map.of(), message))
                    .build();
        }
    }

    private TemplateInstance page(long id, RiskForm form, Map<String, String> errors, String refusal) {
        List<Risk> risks = register.register(id);
        List<Long> owners = risks.stream().map(r -> r.ownerId).filter(o -> o != null).toList();
        return Templates.risks(exhibitions.get(id), risks, users.displayNames(owners), users.staff(), form, errors,
                refusal);
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
