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
import org.expodesk.account.CredentialKind;
import org.expodesk.account.CredentialService;
import org.expodesk.account.DeviceTokenCache;
import org.expodesk.account.ScannerDevices;
import org.expodesk.account.SignedInDevice;
import org.expodesk.account.SignedInUser;
import org.expodesk.audit.Actor;
import org.expodesk.platform.Roles;

/** Turns a presented secret into a security identity, looking the credential up in the database. */
@ApplicationScoped
public class CredentialIdentityProvider implements IdentityProvider<CredentialRequest> {

    public static final String CREDENTIAL_ATTRIBUTE = "expodesk.credentialId";
    public static final String USER_ATTRIBUTE = "expodesk.user";
    /** On a scanner device's identity: its {@link SignedInDevice}. */
    public static final String DEVICE_ATTRIBUTE = "expodesk.device";

    @Inject
    CredentialService credentials;

    @Inject
    ScannerDevices devices;

    @Inject
    DeviceTokenCache deviceTokens;

    @Override
    public Class<CredentialRequest> getRequestType() {
        return CredentialRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CredentialRequest request, AuthenticationRequestContext context) {
        if (request.accepted().contains(CredentialKind.DEVICE) && request.secret().startsWith(ScannerDevices.TOKEN_PREFIX)) {
            // a gate tablet presents its token with every scan: verified ones are believed for a few seconds
            var cached = deviceTokens.get(request.secret());
            if (cached.isPresent()) {
                return Uni.createFrom().item(identityOf(cached.get()));
            }
            return context.runBlocking(() -> devices.identify(request.secret())
                    .map(device -> {
                        deviceTokens.put(request.secret(), device);
                        return identityOf(device);
                    })
                    .orElseThrow(AuthenticationFailedException::new));
        }
        return context.runBlocking(() -> credentials.identify(request.secret(), request.accepted())
                .map(CredentialIdentityProvider::identityOf)
                .orElseThrow(AuthenticationFailedException::new));
    }

    /** A device holds the role SCANNER only, and no user: pages and user endpoints refuse it. */
    static SecurityIdentity identityOf(SignedInDevice device) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("device:" + device.deviceId()))
                .addRole(Roles.SCANNER)
                .addAttribute(CREDENTIAL_ATTRIBUTE, device.credentialId())
                .addAttribute(DEVICE_ATTRIBUTE, device)
                .build();
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
