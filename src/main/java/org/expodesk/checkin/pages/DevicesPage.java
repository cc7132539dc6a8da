package org.expodesk.checkin.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CodeSetConverter;
import org.expodesk.account.ScannerDevice;
import org.expodesk.account.ScannerDevices;
import org.expodesk.checkin.Gate;
import org.expodesk.checkin.GateDevices;
import org.expodesk.checkin.Gates;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An edition's scanner devices for staff: register one (its setup code is on the answer to that
 * post and nowhere else), give a new code, revoke.
 */
@Path("/exhibitions/{id}/devices")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class DevicesPage {

    public record DeviceForm(String name, String gate, String zones, String categories) {
        static final DeviceForm EMPTY = new DeviceForm("", Gate.MAIN, "", "");

        public boolean isGate(String value) {
            return value.equalsIgnoreCase(gate == null ? "" : gate);
        }
    }

    public record DeviceRow(ScannerDevice device, String gate, boolean active) {
        public String zones() {
            return CheckinLabels.text(device.zones);
        }

        public String categories() {
            return CheckinLabels.text(device.categories);
        }
    }

    /** A setup code just issued, on this one page. */
    public record ShownCode(String device, String code, Instant expiresAt) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance devices(Exhibition exhibition, List<DeviceRow> devices, List<Gate> gates,
                                               DeviceForm form, Map<String, String> errors, ShownCode shown,
                                               String refusal);
    }

    @Inject
    GateDevices gateDevices;

    @Inject
    ScannerDevices devices;

    @Inject
    Gates gates;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        return page(id, DeviceForm.EMPTY, Map.of(), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@PathParam("id") long id, @RestForm String name, @RestForm String gate,
                             @RestForm String zones, @RestForm String categories) {
        DeviceForm form = new DeviceForm(name, gate, zones, categories);
        try {
            ScannerDevices.Registered registered = gateDevices.register(id, new GateDevices.DeviceInput(name, gate,
                    CodeSetConverter.parse(zones), CodeSetConverter.parse(categories)));
            return shown(id, registered.device().name, registered.setupCode());
        } catch (ProblemException refused) {
            if (refused.problem().status() != 400) {
                throw refused;
            }
            return Response.status(400).entity(page(id, form, new FormErrors(locale.get()).addAll(refused).map(),
                    null, null)).build();
        }
    }

    @POST
    @Path("/{deviceId}/setup-code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response newSetupCode(@PathParam("id") long id, @PathParam("deviceId") long deviceId) {
        ScannerDevice device = own(id, deviceId);
        try {
            return shown(id, device.name, devices.newSetupCode(deviceId));
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status()).entity(page(id, DeviceForm.EMPTY, Map.of(), null,
                    Messages.text(locale.get(), refused.problem().detail()))).build();
        }
    }

    @POST
    @Path("/{deviceId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id, @PathParam("deviceId") long deviceId) {
        own(id, deviceId);
        devices.revoke(deviceId);
        return Pages.redirectWithFlash(here(id), "scanner_revoked");
    }

    private ScannerDevice own(long exhibitionId, long deviceId) {
        ScannerDevice device = devices.get(deviceId);
        if (device.exhibitionId != exhibitionId) {
            throw ProblemException.notFound("Scanner device");
        }
        return device;
    }

    /** The code on the answer itself, never in a redirect, a flash or a log: it is shown once. */
    private Response shown(long id, String deviceName, ScannerDevices.SetupCode code) {
        return Response.ok(page(id, DeviceForm.EMPTY, Map.of(), new ShownCode(deviceName, code.code(),
                code.expiresAt()), null)).header("Cache-Control", "no-store").build();
    }

    private TemplateInstance page(long id, DeviceForm form, Map<String, String> errors, ShownCode shown,
                                  String refusal) {
        Exhibition exhibition = exhibitions.get(id);
        List<DeviceRow> rows = gateDevices.list(id).stream()
                .map(d -> new DeviceRow(d, gateDevices.gateName(d), devices.isActive(d.id))).toList();
        return Templates.devices(exhibition, rows, gates.list(id), form, errors, shown, refusal);
    }

    private static String here(long id) {
        return "/exhibitions/" + id + "/devices";
    }
}
