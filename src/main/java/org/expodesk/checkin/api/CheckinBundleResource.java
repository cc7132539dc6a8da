package org.expodesk.checkin.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.account.SignedInDevice;
import org.expodesk.account.security.CredentialIdentityProvider;
import org.expodesk.checkin.CheckinBundles;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;

import java.util.Set;

/** What a scanner needs to decide offline: a device of the edition gets its categories' badges, staff all. */
@Path("/api/exhibitions/{exhibitionId}/checkin-bundle")
@RolesAllowed({Roles.SCANNER, Roles.STAFF})
@Produces(MediaType.APPLICATION_JSON)
public class CheckinBundleResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    CheckinBundles bundles;

    @GET
    public CheckinBundles.Bundle bundle(@PathParam("exhibitionId") long exhibitionId) {
        SignedInDevice device = identity.getAttribute(CredentialIdentityProvider.DEVICE_ATTRIBUTE);
        if (device == null) {
            return bundles.of(exhibitionId, Set.of());
        }
        if (device.exhibitionId() != exhibitionId) {
            throw ProblemException.notFound("Exhibition");
        }
        return bundles.of(exhibitionId, device.categories() == null ? Set.of() : device.categories());
    }
}
