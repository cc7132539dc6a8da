package org.expodesk.badge.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.badge.SigningKeys;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * An edition's badge signing keys (public halves only): list, and rotate (a new active key; badges
 * signed by the old one stay valid). Listing is staff; rotating is for administrators.
 */
@Path("/api/exhibitions/{id}/badge-keys")
@Produces(MediaType.APPLICATION_JSON)
public class BadgeKeysResource {

    /** {@code publicKey}: the raw 32-byte Ed25519 key, base64url without padding. */
    public record KeyView(int keyNo, String publicKey, boolean active, Instant createdAt, Instant retiredAt) {
    }

    @Inject
    SigningKeys keys;

    @Inject
    ExhibitionService exhibitions;

    @GET
    @RolesAllowed(Roles.STAFF)
    public List<KeyView> list(@PathParam("id") long id) {
        exhibitions.get(id);
        return keys.all(id).stream().map(BadgeKeysResource::view).toList();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response rotate(@PathParam("id") long id) {
        exhibitions.get(id);
        return Response.status(201).entity(view(keys.rotate(id))).build();
    }

    private static KeyView view(SigningKeys.PublicKeyInfo k) {
        return new KeyView(k.keyNo(), Base64.getUrlEncoder().withoutPadding().encodeToString(k.publicKey()),
                k.active(), k.createdAt(), k.retiredAt());
    }
}
