package org.expodesk.account.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.expodesk.account.CurrentUser;
import org.expodesk.account.IssuedSecret;
import org.expodesk.account.Role;
import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.QueryParams;

import java.time.Instant;
import java.util.List;

/** Staff, exhibitor and device accounts, managed by an administrator. */
@Path("/api/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    public record UserView(long id, String username, String displayName, String email, String role,
                           Long organizationId, boolean enabled, boolean passwordSet, Instant lastLoginAt) {

        static UserView of(UserAccount u) {
            return new UserView(u.id, u.username, u.displayName, u.email, u.role.name(), u.organizationId, u.enabled,
                    u.passwordHash != null, u.lastLoginAt);
        }
    }

    public record NewUserRequest(String username, String displayName, String email, String role, Long organizationId) {
    }

    public record CreatedUser(UserView user, String setupToken, Instant setupExpiresAt) {
    }

    public record SetupLink(String setupToken, Instant expiresAt) {
    }

    public record UserList(List<UserView> items, long total) {
    }

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @GET
    public UserList list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return new UserList(users.list(QueryParams.integer(page, "page", 0, 0, Integer.MAX_VALUE),
                QueryParams.integer(size, "size", 50, 1, 200)).stream().map(UserView::of).toList(), users.count());
    }

    @GET
    @Path("/{id}")
    public UserView get(@PathParam("id") long id) {
        return UserView.of(users.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewUserRequest request, @Context UriInfo uri) {
        UserService.Created created = users.create(new UserService.NewUser(request.username(), request.displayName(),
                request.email(), parseRole(request.role()), request.organizationId()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.user().id)).build())
                .entity(new CreatedUser(UserView.of(created.user()), created.setupLink().secret(),
                        created.setupLink().expiresAt()))
                .build();
    }

    @POST
    @Path("/{id}/setup-link")
    public SetupLink newSetupLink(@PathParam("id") long id) {
        IssuedSecret link = users.issueSetupLink(id);
        return new SetupLink(link.secret(), link.expiresAt());
    }

    @POST
    @Path("/{id}/disable")
    public UserView disable(@PathParam("id") long id) {
        users.setEnabled(id, false, currentUser.require().userId());
        return UserView.of(users.get(id));
    }

    @POST
    @Path("/{id}/enable")
    public UserView enable(@PathParam("id") long id) {
        users.setEnabled(id, true, currentUser.require().userId());
        return UserView.of(users.get(id));
    }

    private static Role parseRole(String role) {
        if (role == null) {
            return null;
        }
        try {
            return Role.valueOf(role.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("role", "user_role_required");
        }
    }
}
