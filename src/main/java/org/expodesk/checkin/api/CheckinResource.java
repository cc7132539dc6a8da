package org.expodesk.checkin.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.account.CurrentUser;
import org.expodesk.account.SignedInDevice;
import org.expodesk.account.security.CredentialIdentityProvider;
import org.expodesk.checkin.Checkins;
import org.expodesk.checkin.CheckinRules;
import org.expodesk.checkin.Scanner;
import org.expodesk.platform.Roles;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Scans: a scanner device's or a staff user's, online one by one, or uploaded after being offline. */
@Path("/api/checkins")
@RolesAllowed({Roles.SCANNER, Roles.STAFF})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CheckinResource {

    public record BatchRequest(@NotNull List<Checkins.ScanInput> scans) {
    }

    public record Earlier(Instant at, String gate) {
    }

    public record CheckinView(String scanId, CheckinRules.Result result, CheckinRules.Reason reason, String message,
                              Checkins.BadgeInfo badge, Earlier earlier) {
    }

    public record BatchView(List<CheckinView> items, long total) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser currentUser;

    @Inject
    Checkins checkins;

    @Inject
    RequestLocale locale;

    @Inject
    Clock clock;

    @POST
    public CheckinView scan(@NotNull Checkins.ScanInput scan) {
        return view(checkins.scan(scanner(), scan), locale.get());
    }

    @POST
    @Path("/batch")
    public BatchView batch(@NotNull BatchRequest request) {
        Locale l = locale.get();
        List<CheckinView> items = checkins.batch(scanner(), request.scans()).stream().map(a -> view(a, l)).toList();
        return new BatchView(items, items.size());
    }

    private Scanner scanner() {
        SignedInDevice device = identity.getAttribute(CredentialIdentityProvider.DEVICE_ATTRIBUTE);
        if (device != null) {
            return Scanner.device(device.deviceId(), device.exhibitionId(), device.gateId(), device.categories(),
                    device.credentialId());
        }
        return Scanner.user(currentUser.require().userId());
    }

    private CheckinView view(Checkins.Answer a, Locale locale) {
        String message = Messages.text(locale, a.messageKey());
        Earlier earlier = null;
        if (a.earlierAt() != null) {
            earlier = new Earlier(a.earlierAt(), a.earlierGate());
            ZonedDateTime local = a.earlierAt().atZone(a.zone());
            String when = (local.toLocalDate().equals(LocalDate.now(clock.withZone(a.zone()))) ? TIME : DAY_TIME).format(local);
            message = message + " · " + Messages.text(locale, "checkin_alreadyAt", a.earlierGate(), when);
        }
        return new CheckinView(a.scanId(), a.result(), a.reason(), message, a.badge(), earlier);
    }
}
