package org.expodesk.followup.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
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
import org.expodesk.followup.FollowUpRule;
import org.expodesk.followup.FollowUpRules;
import org.expodesk.followup.api.RuleViews.RuleView;
import org.expodesk.platform.Roles;

import java.util.List;

/** The follow-up rules of an edition. Staff only. */
@Path("/api/exhibitions/{id}/followup-rules")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ExhibitionRulesResource {

    public record RuleList(List<RuleView> items, long total) {
    }

    @Inject
    FollowUpRules rules;

    @Inject
    ExhibitionService exhibitions;

    @GET
    public RuleList list(@PathParam("id") long id) {
        Exhibition e = exhibitions.get(id);
        List<RuleView> items = rules.of(id).stream().map(r -> RuleView.of(r, r.dueDay(e.opensOn, e.closesOn))).toList();
        return new RuleList(items, items.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") long id, @NotNull FollowUpRules.NewRule request) {
        FollowUpRule r = rules.create(id, request);
        Exhibition e = exhibitions.get(id);
        return Response.status(201).header("Location", "/api/followup-rules/" + r.id)
                .entity(RuleView.of(r, r.dueDay(e.opensOn, e.closesOn))).build();
    }
}
