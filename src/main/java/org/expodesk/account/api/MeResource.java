package org.expodesk.account.api;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.expodesk.account.AuthCredential;
import org.expodesk.account.CurrentUser;
import org.expodesk.account.IssuedSecret;
import org.expodesk.account.SignedInUser;
import org.expodesk.account.ApiTokens;

import java.time.Instant;
import java.util.List;

/** The signed-in user's own account and API tokens. */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    public record Me(long id, String username, String displayName, String role, Long organizationId, String locale) {
    }

    public record TokenView(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {

        static TokenView of(AuthCredential c) {
            return new TokenView(c.id, c.name, c.createdAt, c.expiresAt, c.lastUsedAt);
        }
    }

    public record NewToken(@NotBlank @Size(max = 100) String name, @Min(1) @Max(366) Integer expiresInDays) {
    }

    public record IssuedToken(long id, String name, String token, Instant expiresAt) {
    }

    public record TokenList(List<TokenView> items, long total) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ApiTokens tokens;

    @GET
    public Me me() {
        SignedInUser user = currentUser.require();
        return new Me(user.userId(), user.username(), user.displayName(), user.role().name(), user.organizationId(),
                user.locale());
    }

    @GET
    @Path("/tokens")
    public TokenList tokens() {
        List<TokenView> items = tokens.active(currentUser.require().userId()).stream().map(TokenView::of).toList();
        return new TokenList(items, items.size());
    }

    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewToken request, @jakarta.ws.rs.core.Context UriInfo uri) {
        IssuedSecret issued = tokens.issue(currentUser.require().userId(), request.name(), request.expiresInDays());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(issued.credentialId())).build())
                .entity(new IssuedToken(issued.credentialId(), request.name().trim(), issued.secret(), issued.expiresAt()))
                .build();
    }

    @DELETE
    @Path("/tokens/{id}")
    public void revoke(@PathParam("id") long id) {
        tokens.revoke(currentUser.require().userId(), id);
    }
}
