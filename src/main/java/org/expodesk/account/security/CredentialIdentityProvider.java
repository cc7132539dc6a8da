package org.expodesk.account.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.account.AccessRules;
import org.expodesk.account.CredentialService;
import org.expodesk.account.SignedInUser;
import org.expodesk.audit.Actor;

/** Turns a presented secret into a security identity, looking the credential up in the database. */
@ApplicationScoped
public class CredentialIdentityProvider implements IdentityProvider<CredentialRequest> {

    public static final String CREDENTIAL_ATTRIBUTE = "expodesk.credentialId";
    public static final String USER_ATTRIBUTE = "expodesk.user";

    @Inject
    CredentialService credentials;

    @Override
    public Class<CredentialRequest> getRequestType() {
        return CredentialRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CredentialRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> credentials.identify(request.secret(), request.accepted())
                .map(CredentialIdentityProvider::identityOf)
                .orElseThrow(AuthenticationFailedException::new));
    }

    static SecurityIdentity identityOf(SignedInUser user) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username()))
                .addRoles(user.role().grantedRoleNames())
                .addAttribute(Actor.USER_ID_ATTRIBUTE, user.userId())
                .addAttribute(CREDENTIAL_ATTRIBUTE, user.credentialId())
                .addAttribute(USER_ATTRIBUTE, user);
        if (user.organizationId() != null) {
            builder.addAttribute(AccessRules.ORGANIZATION_ATTRIBUTE, user.organizationId());
        }
        return builder.build();
    }
}
