package org.expodesk.party.pages;

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
import org.expodesk.party.Ticket;
import org.expodesk.party.followup.FollowUps;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The signed-in staff member's open follow-ups (overdue first) and overdue service tickets. */
@Path("/customers/follow-ups")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class FollowUpsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance followups(List<FollowUps.FollowUp> followUps, List<Ticket> tickets,
                                                 Map<String, String> errors);
    }

    @Inject
    FollowUps followUps;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance show() {
        return page(Map.of());
    }

    @POST
    @Path("/{id}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response done(@PathParam("id") long id) {
        followUps.change(id, true, null, currentUser.require().userId(), currentUser.identity().hasRole(Roles.ADMIN));
        return Pages.redirectWithFlash("/customers/follow-ups", "party_followUpDone");
    }

    @POST
    @Path("/{id}/date")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redate(@PathParam("id") long id, @RestForm String on) {
        FormErrors errors = new FormErrors(locale.get());
        LocalDate day = errors.date(on, "on");
        if (day == null && errors.isEmpty()) {
            errors.add("on", "field_required");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(page(errors.map())).build();
        }
        try {
            followUps.change(id, null, day, currentUser.require().userId(), currentUser.identity().hasRole(Roles.ADMIN));
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            return Response.status(400).entity(page(new FormErrors(locale.get()).addAll(refused).map())).build();
        }
        return Pages.redirectWithFlash("/customers/follow-ups", "party_followUpMoved");
    }

    private TemplateInstance page(Map<String, String> errors) {
        long me = currentUser.require().userId();
        return Templates.followups(followUps.openOf(me), followUps.overdueTicketsOf(me), errors);
    }
}
