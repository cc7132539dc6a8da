package org.expodesk.web.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.expodesk.account.ApiTokens;
import org.expodesk.account.AuthCredential;
import org.expodesk.account.CalendarLinks;
import org.expodesk.account.CurrentUser;
import org.expodesk.account.IssuedSecret;
import org.expodesk.account.SignedInUser;
import org.expodesk.account.UserService;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/** The signed-in user's own page: language, password, API tokens. */
@Path("/account")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AccountPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(SignedInUser user, List<AuthCredential> tokens, FormErrors errors,
                                               IssuedSecret newToken, String newTokenName, String calendarLink);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    UserService users;

    @Inject
    ApiTokens tokens;

    @Inject
    RequestLocale locale;

    @Inject
    CalendarLinks calendarLinks;

    @GET
    public TemplateInstance show() {
        return page(new FormErrors(locale.get()), null, null);
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String currentPassword, @RestForm("password") String newPassword,
                                   @RestForm String confirm) {
        SignedInUser user = currentUser.require();
        FormErrors errors = new FormErrors(locale.get());
        if (newPassword == null || !newPassword.equals(confirm)) {
            errors.add("confirm", "password_mismatch");
            return Response.status(400).entity(page(errors, null, null)).build();
        }
        try {
            users.changePassword(user.userId(), currentPassword, newPassword, user.credentialId());
        } catch (ProblemException refused) {
            return Response.status(400).entity(page(errors.addAll(refused), null, null)).build();
        }
        return Pages.redirectWithFlash("/account", "account_passwordChanged");
    }

    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@RestForm("tokenName") String name) {
        FormErrors errors = new FormErrors(locale.get());
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add("tokenName", "token_nameRequired");
            return Response.status(400).entity(page(errors, null, null)).build();
        }
        IssuedSecret issued = tokens.issue(currentUser.require().userId(), name, null);
        // shown once, on this response only: never redirect with a secret in the URL
        return Response.ok(page(errors, issued, name.trim())).build();
    }

    @POST
    @Path("/tokens/{id}/revoke")
    public Response revokeToken(@PathParam("id") long id) {
        tokens.revoke(currentUser.require().userId(), id);
        return Pages.redirectWithFlash("/account", "token_revoked");
    }

    /** A new secret calendar address; the old one stops working. Shown on this response only. */
    @POST
    @Path("/calendar")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renewCalendarLink(@Context UriInfo uri) {
        IssuedSecret secret = calendarLinks.renew(currentUser.require().userId());
        String link = uri.getBaseUri().toString().replaceAll("/+$", "") + "/calendar/" + secret.secret() + ".ics";
        return Response.ok(page(new FormErrors(locale.get()), null, null, link)).build();
    }

    private TemplateInstance page(FormErrors errors, IssuedSecret newToken, String newTokenName) {
        return page(errors, newToken, newTokenName, null);
    }

    private TemplateInstance page(FormErrors errors, IssuedSecret newToken, String newTokenName, String calendarLink) {
        SignedInUser user = currentUser.require();
        return Templates.account(user, tokens.active(user.userId()), errors, newToken, newTokenName, calendarLink);
    }
}
