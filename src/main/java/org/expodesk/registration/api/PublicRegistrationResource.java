package org.expodesk.registration.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.platform.ClientAddress;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.ratelimit.RateLimiter;
import org.expodesk.registration.Registration;
import org.expodesk.registration.RegistrationCategory;
import org.expodesk.registration.RegistrationDefaults;
import org.expodesk.registration.RegistrationSetup;
import org.expodesk.registration.Registrations;
import org.expodesk.registration.api.RegistrationViews.PublicRegistrationView;

import java.util.List;
import java.util.Map;

/** Visitors and buyers register themselves (no sign-in); rate limited per client address. */
@Path("/api/public/exhibitions/{code}/registrations")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicRegistrationResource {

    /**
     * The agreed body plus {@code days}, {@code invitationCode}, {@code language} and
     * {@code idempotencyKey}; {@code website} is the honeypot people never see nor fill.
     */
    public record PublicRegistration(String category, String firstName, String lastName, String email,
                                     String organization, String country, Map<String, Object> answers,
                                     Registrations.ConsentChoice consent, List<String> days, String invitationCode,
                                     String language, String idempotencyKey, String website) {
    }

    public static final String RATE_LIMIT = "registration";

    @Inject
    RateLimiter rateLimiter;

    @Inject
    Registrations registrations;

    @Inject
    RegistrationDefaults defaults;

    @Inject
    RegistrationSetup setup;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("code") String code, PublicRegistration body, HttpServerRequest http) {
        rateLimiter.require(RATE_LIMIT, ClientAddress.of(http));
        if (body != null && body.website() != null && !body.website().isBlank()) {
            // a bot filled the field people do not see: it is told it succeeded, and nothing is kept or even read
            return Response.status(201).entity(new PublicRegistrationView(null, "CONFIRMED", body.category(), List.of(),
                    null)).build();
        }
        // as this node keeps it: the submit's transaction checks it is still so (its row version and code)
        Exhibition exhibition = registrations.editionToRegister(code);
        if (body == null) {
            throw ProblemException.invalid("body", "field_required");
        }
        defaults.ensure(exhibition.id);
        Registrations.Outcome outcome = registrations.register(exhibition, new Registrations.NewRegistration(
                body.category(), body.firstName(), body.lastName(), body.email(), body.organization(), body.country(),
                body.answers(), body.consent(), body.days(), body.invitationCode(), body.language(),
                body.idempotencyKey()));
        if (outcome.existing() && !outcome.sameClient()) {
            // the address is registered already: say so much, and nothing of that registration
            return Response.status(202).entity(new PublicRegistrationView(null, "RECEIVED", null, List.of(), null)).build();
        }
        Registration r = outcome.registration();
        RegistrationCategory category = outcome.category() != null ? outcome.category() : setup.category(r.categoryId);
        return Response.status(outcome.existing() ? 200 : 201).entity(new PublicRegistrationView(r.id, r.status.name(),
                category.code, r.dayList().stream().map(Object::toString).toList(), RegistrationViews.BadgeRef.of(r.badgeId))).build();
    }
}
