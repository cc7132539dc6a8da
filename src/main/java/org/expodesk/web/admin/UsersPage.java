package org.expodesk.web.admin;

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
import jakarta.ws.rs.QueryParam;
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
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;

/** User administration: list, create (with a one-time setup link), disable, new setup link. */
@Path("/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class UsersPage {

    private static final int PAGE_SIZE = 50;

    /** What the admin typed, kept when the form comes back with errors. */
    public record UserForm(String username, String displayName, String email, String role, String organizationId) {

        static UserForm empty() {
            return new UserForm("", "", "", "STAFF", "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<UserAccount> users, long total, int page, int pages, UserForm form,
                                             Map<String, String> errors, UserAccount setupFor, String setupLink,
                                             List<Role> roleNames);
    }

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list(@QueryParam("page") String page) {
        return page(QueryParams.integer(page, "page", 0, 0, Integer.MAX_VALUE), UserForm.empty(),
                new FormErrors(locale.get()), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String displayName, @RestForm String email,
                           @RestForm String role, @RestForm String organizationId, UriInfo uri) {
        UserForm form = new UserForm(username, displayName, email, role, organizationId);
        FormErrors errors = new FormErrors(locale.get());
        Role parsedRole = parseRole(role);
        Long organization = null;
        if (parsedRole == null) {
            errors.add("role", "user_role_required");
        }
        if (organizationId != null && !organizationId.isBlank()) {
            try {
                organization = Long.parseLong(organizationId.trim());
            } catch (NumberFormatException e) {
                errors.add("organizationId", "user_organization_required");
            }
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(page(0, form, errors, null, null)).build();
        }
        try {
            UserService.Created created = users.create(new UserService.NewUser(username, displayName, email, parsedRole,
                    organization));
            return Response.ok(page(0, UserForm.empty(), errors, created.user(),
                    setupLink(uri, created.setupLink()))).build();
        } catch (ProblemException refused) {
            return Response.status(400).entity(page(0, form, errors.addAll(refused), null, null)).build();
        }
    }

    @POST
    @Path("/{id}/setup-link")
    public TemplateInstance newSetupLink(@PathParam("id") long id, UriInfo uri) {
        IssuedSecret link = users.issueSetupLink(id);
        return page(0, UserForm.empty(), new FormErrors(locale.get()), users.get(id), setupLink(uri, link));
    }

    @POST
    @Path("/{id}/disable")
    public Response disable(@PathParam("id") long id) {
        long me = currentUser.require().userId();
        if (id == me) {
            return Response.status(422).entity(page(0, UserForm.empty(),
                    new FormErrors(locale.get()).add("form", "users_cannotDisableSelf"), null, null)).build();
        }
        users.setEnabled(id, false, me);
        return Pages.redirectWithFlash("/admin/users", "users_disabledDone");
    }

    @POST
    @Path("/{id}/enable")
    public Response enable(@PathParam("id") long id) {
        users.setEnabled(id, true, currentUser.require().userId());
        return Pages.redirectWithFlash("/admin/users", "users_enabled");
    }

    private TemplateInstance page(int page, UserForm form, FormErrors errors, UserAccount setupFor, String link) {
        long total = users.count();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return Templates.users(users.list(page, PAGE_SIZE), total, page, pages, form, errors.map(), setupFor, link,
                List.of(Role.values()));
    }

    private static String setupLink(UriInfo uri, IssuedSecret secret) {
        return uri.getBaseUriBuilder().path("setup").queryParam("token", secret.secret()).build().toString();
    }

    private static Role parseRole(String role) {
        try {
            return role == null ? null : Role.valueOf(role.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
