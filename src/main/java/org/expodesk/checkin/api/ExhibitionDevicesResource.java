package org.expodesk.checkin.api;

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
import org.expodesk.account.ScannerDevices;
import org.expodesk.checkin.GateDevices;
import org.expodesk.platform.Roles;

import java.net.URI;
import java.util.List;

/** An edition's scanner devices (staff); registering one answers its setup code, once. */
@Path("/api/exhibitions/{exhibitionId}/devices")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ExhibitionDevicesResource {

    @Inject
    GateDevices gateDevices;

    @Inject
    ScannerDevices devices;

    @GET
    public GateViews.DeviceList list(@PathParam("exhibitionId") long exhibitionId) {
        List<GateViews.DeviceView> items = gateDevices.list(exhibitionId).stream()
                .map(d -> GateViews.device(d, gateDevices.gateName(d), devices.isActive(d.id))).toList();
        return new GateViews.DeviceList(items, items.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("exhibitionId") long exhibitionId, @NotNull GateViews.DeviceRequest request) {
        ScannerDevices.Registered registered = gateDevices.register(exhibitionId, new GateDevices.DeviceInput(
                request.name(), request.gate(), request.zones(), request.categories()));
        var device = registered.device();
        return Response.created(URI.create("/api/devices/" + device.id))
                .entity(new GateViews.RegisteredDevice(GateViews.device(device, gateDevices.gateName(device), false),
                        registered.setupCode().code(), registered.setupCode().expiresAt()))
                .build();
    }
}
