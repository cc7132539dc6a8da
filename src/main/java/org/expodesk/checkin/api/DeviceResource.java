package org.expodesk.checkin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.account.ScannerDevice;
import org.expodesk.account.ScannerDevices;
import org.expodesk.checkin.GateDevices;
import org.expodesk.platform.Roles;

/**
 * One scanner device (staff): read, change, a new setup code, revoke. {@code /api/devices/activate}
 * is account's, for the device itself; its literal path wins over {@code {id}}.
 */
@Path("/api/devices/{id}")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    @Inject
    GateDevices gateDevices;

    @Inject
    ScannerDevices devices;

    @GET
    public GateViews.DeviceView get(@PathParam("id") long id) {
        return view(devices.get(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public GateViews.DeviceView update(@PathParam("id") long id, @NotNull GateViews.DeviceRequest request) {
        return view(gateDevices.update(id, new GateDevices.DeviceInput(request.name(), request.gate(),
                request.zones(), request.categories())));
    }

    /** A fresh setup code (the earlier one stops working), e.g. when the first expired or the tablet changed. */
    @POST
    @Path("/setup-code")
    public GateViews.SetupCodeView setupCode(@PathParam("id") long id) {
        ScannerDevices.SetupCode code = devices.newSetupCode(id);
        return new GateViews.SetupCodeView(code.code(), code.expiresAt());
    }

    /** Ends the device: its token stops working with the next request. */
    @POST
    @Path("/revoke")
    public GateViews.DeviceView revoke(@PathParam("id") long id) {
        devices.revoke(id);
        return view(devices.get(id));
    }

    private GateViews.DeviceView view(ScannerDevice device) {
        return GateViews.device(device, gateDevices.gateName(device), devices.isActive(device.id));
    }
}
