package org.expodesk.checkin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.checkin.EntryPolicies;
import org.expodesk.checkin.EntryPolicy;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;

import java.util.List;
import java.util.Map;

/** Entry policies by category code (staff); a {@code PUT} replaces them all. */
@Path("/api/exhibitions/{exhibitionId}/entry-policies")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class EntryPolicyResource {

    public record PolicyView(String category, EntryPolicy policy) {
    }

    public record PolicyList(List<PolicyView> items, long total, EntryPolicy defaultPolicy) {
        static PolicyList of(Map<String, EntryPolicy> policies) {
            List<PolicyView> items = policies.entrySet().stream()
                    .map(e -> new PolicyView(e.getKey(), e.getValue())).toList();
            return new PolicyList(items, items.size(), EntryPolicy.DEFAULT);
        }
    }

    public record PolicyRequest(@NotNull List<EntryPolicies.Setting> items) {
    }

    @Inject
    EntryPolicies policies;

    @Inject
    ExhibitionService exhibitions;

    @GET
    public PolicyList list(@PathParam("exhibitionId") long exhibitionId) {
        exhibitions.get(exhibitionId);
        return PolicyList.of(policies.of(exhibitionId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public PolicyList replace(@PathParam("exhibitionId") long exhibitionId, @NotNull PolicyRequest request) {
        return PolicyList.of(policies.replace(exhibitionId, request.items() == null ? List.of() : request.items()));
    }
}
