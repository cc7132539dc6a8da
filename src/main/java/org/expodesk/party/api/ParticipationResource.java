package org.expodesk.party.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.party.Contacts;
import org.expodesk.party.PartyRef;
import org.expodesk.party.Participation;
import org.expodesk.party.api.PartyViews.ParticipationView;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;

/** A party's part at an edition: {@code {exhibition, party, role}}; the same part twice is one. */
@Path("/api/participations")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ParticipationResource {

    public record NewParticipation(Long exhibition, String party, String role) {
    }

    @Inject
    Contacts contacts;

    @Inject
    ExhibitionService exhibitions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@NotNull NewParticipation r) {
        if (r.exhibition() == null || exhibitions.findById(r.exhibition()).isEmpty()) {
            throw ProblemException.invalid("exhibition", "party_exhibitionUnknown");
        }
        Participation p = contacts.participate(r.exhibition(), PartyRef.parse(r.party(), "party"), r.role());
        return Response.status(201).entity(ParticipationView.of(p)).build();
    }
}
