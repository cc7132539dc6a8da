package org.expodesk.followup.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.followup.FollowUpRule;
import org.expodesk.followup.FollowUpRules;
import org.expodesk.followup.RuleKinds;
import org.expodesk.followup.RuleRunner;
import org.expodesk.followup.api.RuleViews.KindView;
import org.expodesk.followup.api.RuleViews.RuleView;
import org.expodesk.platform.Roles;

import java.util.List;

/** One follow-up rule: read, change (with version), delete, dry run, run now; and the kinds there are. Staff only. */
@Path("/api/followup-rules")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    public record KindList(List<KindView> items) {
    }

    @Inject
    FollowUpRules rules;

    @Inject
    RuleKinds kinds;

    @Inject
    RuleRunner runner;

    @Inject
    ExhibitionService exhibitions;

    /** The kinds of rule, each with the built-in templates a new rule starts from. */
    @GET
    @Path("/kinds")
    public KindList kinds() {
        return new KindList(kinds.all().stream().map(k -> KindView.of(k, rules.defaults(k.key()))).toList());
    }

    @GET
    @Path("/{id}")
    public RuleView get(@PathParam("id") long id) {
        return view(rules.get(id));
    }

    /** Replaces kind, name, anchor, offset, enabled and (when given) templates; {@code version} required. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RuleView update(@PathParam("id") long id, @NotNull FollowUpRules.NewRule request) {
        return view(rules.update(id, request));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        rules.delete(id);
        return Response.noContent().build();
    }

    /** Whom the rule would reach if it ran now; sends nothing. */
    @GET
    @Path("/{id}/dry-run")
    public RuleRunner.DryRun dryRun(@PathParam("id") long id) {
        return runner.dryRun(id);
    }

    /** Runs an enabled rule now, due or not; recipients already mailed by it get nothing more. */
    @POST
    @Path("/{id}/run")
    public RuleRunner.Run run(@PathParam("id") long id) {
        return runner.runNow(id);
    }

    private RuleView view(FollowUpRule r) {
        Exhibition e = exhibitions.get(r.exhibitionId);
        return RuleView.of(r, r.dueDay(e.opensOn, e.closesOn));
    }
}
