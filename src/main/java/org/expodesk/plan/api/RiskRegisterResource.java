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
import org.expodesk.plan.Risk;
import org.expodesk.plan.RiskRegister;
import org.expodesk.plan.api.RiskResource.RiskView;
import org.expodesk.platform.Roles;

import java.util.List;

/** An exhibition's risk register: the risks, most serious first, and new ones. */
@Path("/api/exhibitions/{exhibitionId}/risks")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class RiskRegisterResource {

    public record RiskList(List<RiskView> items, long total) {
    }

    @Inject
    RiskRegister register;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("exhibitionId") long exhibitionId, @NotNull RiskRegister.NewRisk request) {
        Risk risk = register.add(exhibitionId, request);
        return Response.status(201).header("Location", "/api/risks/" + risk.id)
                .entity(RiskResource.view(register, risk.id)).build();
    }

    @GET
    public RiskList list(@PathParam("exhibitionId") long exhibitionId) {
        List<RiskView> items = register.register(exhibitionId).stream().map(r -> RiskResource.view(register, r))
                .toList();
        return new RiskList(items, items.size());
    }
}
