package org.expodesk.web.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.AuthConfig;
import org.expodesk.account.CredentialKind;
import org.expodesk.account.CredentialService;
import org.expodesk.account.CurrentUser;
import org.expodesk.account.SignInService;
import org.expodesk.account.UserService;
import org.expodesk.account.security.SessionCookie;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;
import org.expodesk.platform.ClientAddress;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.Flash;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.Map;

/** Sign in, sign out, and choosing a password through a one-time setup link. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String username, String next, String error, Map<String, String> errors);

        static native TemplateInstance setup(String token, boolean valid, FormErrors errors);
    }

    @Inject
    SignInService signIn;

    @Inject
    CredentialService credentials;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @Inject
    AuditLog audit;

    @Inject
    AuthConfig authConfig;

    @ConfigProperty(name = "expodesk.secure-cookies", defaultValue = "false")
    boolean secureCookies;

    @GET
    @Path("login")
    @PermitAll
    public Object form(@QueryParam("next") String next) {
        if (currentUser.get().isPresent()) {
            return Pages.redirect(Pages.safeNext(next));
        }
        return Templates.login("", Pages.safeNext(next), null, Map.of());
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submit(@RestForm String username, @RestForm String password, @RestForm String next,
                         HttpServerRequest http) {
        SignInService.Result result = signIn.signIn(username, password, ClientAddress.of(http), CredentialKind.SESSION,
                null);
        if (result.outcome() == SignInService.Outcome.SIGNED_IN) {
            return Pages.redirect(Pages.safeNext(next),
                    SessionCookie.of(result.secret().secret(), authConfig.sessionLifetime(), isSecure(http)));
        }
        String error = result.outcome() == SignInService.Outcome.LOCKED ? "login_locked" : "login_invalid";
        return Response.status(result.outcome() == SignInService.Outcome.LOCKED ? 429 : 401)
                .entity(Templates.login(username == null ? "" : username, Pages.safeNext(next), error, Map.of()))
                .build();
    }

    @POST
    @Path("logout")
    @PermitAll
    public Response logout(HttpServerRequest http) {
        currentUser.get().ifPresent(user -> {
            credentials.revoke(user.credentialId());
            audit.record(AuditAction.LOGOUT, "UserAccount", String.valueOf(user.userId()), null);
        });
        return Response.seeOther(URI.create("/login")).cookie(SessionCookie.expired(isSecure(http)),
                Flash.of("login_signedOut")).build();
    }

    @GET
    @Path("setup")
    @PermitAll
    public TemplateInstance setupForm(@QueryParam("token") String token) {
        return Templates.setup(token, credentials.isValidSetupLink(token), new FormErrors(locale.get()));
    }

    @POST
    @Path("setup")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object setup(@RestForm String token, @RestForm String password, @RestForm String confirm) {
        FormErrors errors = new FormErrors(locale.get());
        if (password == null || !password.equals(confirm)) {
            errors.add("confirm", "password_mismatch");
            return Response.status(400).entity(Templates.setup(token, credentials.isValidSetupLink(token), errors))
                    .build();
        }
        try {
            users.completeSetup(token, password);
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                return Response.status(404).entity(Templates.setup(token, false, errors)).build();
            }
            return Response.status(400).entity(Templates.setup(token, true, errors.addAll(refused))).build();
        }
        return Pages.redirectWithFlash("/login", "setup_done");
    }

    boolean isSecure(HttpServerRequest http) {
        return secureCookies || http.isSSL() || "https".equalsIgnoreCase(http.scheme());
    }
}
