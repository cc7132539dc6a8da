package org.expodesk.checkin.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.account.ScannerDevice;
import org.expodesk.account.ScannerDevices;
import org.expodesk.account.SignedInDevice;
import org.expodesk.account.security.CredentialIdentityProvider;
import org.expodesk.checkin.GateDevices;
import org.expodesk.platform.Roles;

/** What a scanner device is set up for, read by the device itself with its token. */
@Path("/api/devices/me")
@RolesAllowed(Roles.SCANNER)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceSelfResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    ScannerDevices devices;

    @Inject
    GateDevices gateDevices;

    @GET
    public GateViews.DeviceView me() {
        SignedInDevice signedIn = identity.getAttribute(CredentialIdentityProvider.DEVICE_ATTRIBUTE);
        ScannerDevice device = devices.get(signedIn.deviceId());
        return GateViews.device(device, gateDevices.gateName(device), true);
    }
}
