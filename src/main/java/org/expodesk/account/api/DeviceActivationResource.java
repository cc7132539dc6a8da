package org.expodesk.account.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.account.ScannerDevice;
import org.expodesk.account.ScannerDevices;
import org.expodesk.platform.ClientAddress;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.ratelimit.RateLimiter;

import java.time.Instant;
import java.util.Set;

/** A scanner device exchanges the setup code staff gave it for its own bearer token, once. */
@Path("/api/devices/activate")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceActivationResource {

    public static final String RATE_LIMIT = "device-activation";

    public record ActivationRequest(@NotNull @Size(max = 40) String setupCode) {
    }

    public record DeviceView(long id, String name, long exhibitionId, Long gateId, Set<String> zones,
                             Set<String> categories) {
        static DeviceView of(ScannerDevice d) {
            return new DeviceView(d.id, d.name, d.exhibitionId, d.gateId, d.zones, d.categories);
        }
    }

    public record ActivationResponse(String token, Instant expiresAt, DeviceView device) {
    }

    @Inject
    ScannerDevices devices;

    @Inject
    RateLimiter rateLimiter;

    @POST
    @PermitAll
    public ActivationResponse activate(@Valid @NotNull ActivationRequest request, @Context HttpServerRequest http) {
        // a setup code is short: guessing is held back per client address before anything is looked up
        rateLimiter.require(RATE_LIMIT, ClientAddress.of(http));
        return devices.activate(request.setupCode())
                .map(a -> new ActivationResponse(a.token(), a.expiresAt(), DeviceView.of(a.device())))
                .orElseThrow(() -> ProblemException.unprocessable("scanner_setupCodeInvalid"));
    }
}
