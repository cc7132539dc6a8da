package org.expodesk.account.api;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.account.CredentialKind;
import org.expodesk.account.CredentialService;
import org.expodesk.account.CurrentUser;
import org.expodesk.account.SignInService;
import org.expodesk.account.SignedInUser;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;
import org.expodesk.platform.ClientAddress;
import org.expodesk.platform.problem.Problem;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.ProblemType;

import java.time.Instant;

@Path("/api/auth/token")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record TokenRequest(@NotBlank @Size(max = 64) String username,
                               @NotNull @Size(max = 1024) String password,
                               @Size(max = 100) String name) {
    }

    public record TokenResponse(String token, Instant expiresAt) {
    }

    @Inject
    SignInService signIn;

    @Inject
    CredentialService credentials;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @POST
    @PermitAll
    public TokenResponse issue(@Valid @NotNull TokenRequest request, @Context HttpServerRequest http) {
        SignInService.Result result = signIn.signIn(request.username(), request.password(), ClientAddress.of(http),
                CredentialKind.API_TOKEN, request.name() == null ? "API" : request.name());
        return switch (result.outcome()) {
            case SIGNED_IN -> new TokenResponse(result.secret().secret(), result.secret().expiresAt());
            case LOCKED -> throw new ProblemException(Problem.of(ProblemType.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins; try again later"));
            case INVALID -> throw new ProblemException(Problem.of(ProblemType.UNAUTHENTICATED,
                    "Wrong user name or password"));
        };
    }

    /** Ends the token this request was made with. */
    @DELETE
    @Authenticated
    public void revokeCurrent() {
        SignedInUser user = currentUser.require();
        credentials.revoke(user.credentialId());
        audit.record(AuditAction.TOKEN_REVOKED, "AuthCredential", String.valueOf(user.credentialId()), "signed out");
    }
}
