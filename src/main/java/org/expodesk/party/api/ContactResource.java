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
import org.expodesk.account.CurrentUser;
import org.expodesk.party.Contacts;
import org.expodesk.party.Interaction;
import org.expodesk.party.PartyRef;
import org.expodesk.party.api.PartyViews.InteractionView;
import org.expodesk.platform.Roles;

import java.time.Instant;
import java.time.LocalDate;

/** Interactions with parties: {@code party} is {@code organization:ID} or {@code person:ID}. */
@Path("/api/interactions")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    public record NewInteraction(String party, String kind, Instant at, String summary, String outcome,
                                 LocalDate followUpOn) {
    }

    @Inject
    Contacts contacts;

    @Inject
    CurrentUser currentUser;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@NotNull NewInteraction r) {
        Interaction i = contacts.record(PartyRef.parse(r.party(), "party"), r.kind(), r.at(), r.summary(), r.outcome(),
                r.followUpOn(), currentUser.require().userId());
        return Response.status(201).header("Location", "/api/interactions/" + i.id).entity(InteractionView.of(i)).build();
    }
}
