package org.expodesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;

import java.time.Duration;
import java.util.List;

/** API tokens a user makes for their own tools, from the account page or the API. */
@ApplicationScoped
@Transactional
public class ApiTokens {

    @Inject
    CredentialService credentials;

    @Inject
    AuthConfig config;

    @Inject
    AuditLog audit;

    public IssuedSecret issue(long userId, String name, Integer expiresInDays) {
        UserAccount user = UserAccount.findById(userId);
        Duration lifetime = expiresInDays == null ? config.apiTokenDefaultLifetime() : Duration.ofDays(expiresInDays);
        IssuedSecret issued = credentials.issue(user, CredentialKind.API_TOKEN, name.trim(), lifetime);
        audit.record(AuditAction.TOKEN_ISSUED, "AuthCredential", String.valueOf(issued.credentialId()), name.trim());
        return issued;
    }

    public List<AuthCredential> active(long userId) {
        return credentials.activeApiTokens(userId);
    }

    public void revoke(long userId, long tokenId) {
        credentials.revokeApiToken(userId, tokenId);
    }
}
