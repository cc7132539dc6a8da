package org.expodesk.checkin.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.SignedInDevice;
import org.expodesk.account.security.CredentialIdentityProvider;
import org.expodesk.checkin.GatePeers;
import org.expodesk.platform.Roles;

import java.util.List;

/**
 * Signalling for the check-in pages of one gate (docs/checkin.md): a page says it is open and
 * collects the offers and answers of the others; only scanner devices, and only within their gate.
 */
@Path("/api/checkin-peers/{peerId}")
@RolesAllowed(Roles.SCANNER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class GatePeerResource {

    /** {@code taken}: the ids of the signals the page has dealt with since its last call. */
    public record PresenceRequest(String gate, List<Long> taken) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    GatePeers peers;

    @PUT
    public GatePeers.Presence present(@PathParam("peerId") String peerId, PresenceRequest request) {
        return request == null ? peers.present(device(), peerId, null, List.of())
                : peers.present(device(), peerId, request.gate(), request.taken());
    }

    @POST
    @Path("/signals")
    public Response signal(@PathParam("peerId") String peerId, GatePeers.SignalInput signal) {
        peers.signal(device(), peerId, signal);
        return Response.accepted().build();
    }

    private SignedInDevice device() {
        return identity.getAttribute(CredentialIdentityProvider.DEVICE_ATTRIBUTE);
    }
}
