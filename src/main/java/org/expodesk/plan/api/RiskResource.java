package org.expodesk.plan.api;

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
import org.expodesk.account.CurrentUser;
import org.expodesk.plan.Risk;
import org.expodesk.plan.RiskRegister;
import org.expodesk.plan.RiskResponse;
import org.expodesk.platform.Roles;

import java.time.Instant;
import java.util.List;

/** The risk register and its contingency plans. */
@Path("/api/risks/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {

    public record ResponseView(String title, int durationDays, Long owner, String stage, String criteria) {
    }

    public record RiskView(long id, long exhibition, String title, int likelihood, int impact, int score,
                           String trigger, String responsePlan, Long owner, String state, Instant activatedAt,
                           String activatedBy, String activationReason, List<ResponseView> responses,
                           List<Long> responseTasks) {
    }

    public record Activation(String reason) {
    }

    @Inject
    RiskRegister register;

    @Inject
    CurrentUser currentUser;

    @GET
    public RiskView get(@PathParam("id") long id) {
        return view(register, id);
    }

    @POST
    @Path("/activate")
    @Consumes(MediaType.APPLICATION_JSON)
    public RiskView activate(@PathParam("id") long id, @NotNull Activation activation) {
        register.activate(id, activation.reason(), currentUser.require().userId(), currentUser.require().username());
        return view(register, id);
    }

    @POST
    @Path("/close")
    public RiskView close(@PathParam("id") long id) {
        register.close(id);
        return view(register, id);
    }

    static RiskView view(RiskRegister register, long id) {
        return view(register, register.get(id));
    }

    static RiskView view(RiskRegister register, Risk r) {
        long id = r.id;
        return new RiskView(r.id, r.exhibitionId, r.title, r.likelihood, r.impact, r.score(), r.trigger,
                r.responsePlan, r.ownerId, r.state.name(), r.activatedAt, r.activatedBy, r.activationReason,
                r.responses.stream().map(RiskResource::response).toList(),
                register.responseTasks(id).stream().map(t -> t.id).toList());
    }

    private static ResponseView response(RiskResponse r) {
        return new ResponseView(r.title, r.durationDays, r.ownerId, r.stageCode, r.criteria);
    }

}
