package org.expodesk.registration.exhibitor.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.platform.ClientAddress;
import org.expodesk.platform.ratelimit.RateLimiter;
import org.expodesk.registration.exhibitor.ExhibitorApplications;
import org.expodesk.registration.exhibitor.ExhibitorApplications.Submission;

import java.util.List;

/**
 * A company applies to exhibit (no sign-in). Rate-limited per client address; a filled honeypot
 * ({@code homepage}, a field people never see) is answered 202 and stored nowhere.
 */
@Path("/api/public/exhibitions/{code}/exhibitor-applications")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicApplicationResource {

    public static final String RATE_LIMIT = "exhibitor-application";

    public record NewApplication(String legalName, String nameLatin, String creditCode, String country, String city,
                                 String address, String website, String companyPhone, String industry,
                                 List<String> categories, String familyName, String givenName, String jobTitle,
                                 String email, String phone, String language, Integer boothSizeSqm,
                                 String boothType, Boolean acceptTerms, String homepage) {
    }

    public record Received(long id, String status) {
    }

    @Inject
    ExhibitorApplications applications;

    @Inject
    RateLimiter rateLimiter;

    /** {@code 201} for a new application, {@code 200} with the same one for a repeated submit. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(@PathParam("code") String code, @NotNull NewApplication r, HttpServerRequest http) {
        rateLimiter.require(RATE_LIMIT, ClientAddress.of(http));
        long exhibitionId = applications.edition(code).id;
        if (r.homepage() != null && !r.homepage().isBlank()) {
            return Response.accepted().build();
        }
        ExhibitorApplications.Submitted submitted = applications.submit(exhibitionId, new Submission(r.legalName(),
                r.nameLatin(), r.creditCode(), r.country(), r.city(), r.address(), r.website(), r.companyPhone(),
                r.industry(), r.categories(), r.familyName(), r.givenName(), r.jobTitle(), r.email(), r.phone(),
                r.language(), r.boothSizeSqm() == null ? null : String.valueOf(r.boothSizeSqm()), r.boothType(),
                r.acceptTerms()));
        Received body = new Received(submitted.application().id, submitted.application().status.name());
        return Response.status(submitted.created() ? 201 : 200)
                .header("Location", "/api/exhibitor-applications/" + body.id()).entity(body).build();
    }
}
