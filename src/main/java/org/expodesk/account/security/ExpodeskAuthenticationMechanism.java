package org.expodesk.account.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.expodesk.account.CredentialKind;

import java.util.Set;

/**
 * How a request says who it is. The JSON API ({@code /api/...}) takes a bearer token only;
 * pages take the session cookie only. Keeping them apart means the API needs no CSRF defence
 * (a browser never attaches a bearer token by itself) and a leaked API token opens no pages.
 * A secret that is unknown, expired or revoked leaves the request anonymous.
 */
@ApplicationScoped
public class ExpodeskAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        boolean api = isApi(context);
        String secret = api ? bearerToken(context) : sessionCookie(context);
        if (secret == null) {
            return Uni.createFrom().nullItem();
        }
        Set<CredentialKind> accepted = api ? Set.of(CredentialKind.API_TOKEN, CredentialKind.DEVICE)
                : Set.of(CredentialKind.SESSION);
        CredentialRequest request = new CredentialRequest(secret, accepted);
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request)
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isApi(context)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
        }
        return Uni.createFrom().item(new ChallengeData(303, HttpHeaders.LOCATION, "/login"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(CredentialRequest.class);
    }

    public static boolean isApi(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static String bearerToken(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).trim();
    }

    private static String sessionCookie(RoutingContext context) {
        Cookie cookie = context.request().getCookie(SessionCookie.NAME);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }
}
