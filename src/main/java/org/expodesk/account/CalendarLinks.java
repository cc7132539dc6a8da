package org.expodesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The secret address of a user's calendar feed. Calendar applications cannot send a bearer
 * token, so the address itself is the credential: of its own kind, accepted by the feed only,
 * replaced (and the old one revoked) whenever the user asks for a new one.
 */
@ApplicationScoped
@Transactional
public class CalendarLinks {

    private static final Duration LIFETIME = Duration.ofDays(5 * 366);

    @Inject
    CredentialService credentials;

    @Inject
    AuditLog audit;

    public IssuedSecret renew(long userId) {
        credentials.revokeAll(userId, CredentialKind.CALENDAR, null);
        IssuedSecret secret = credentials.issue(UserAccount.findById(userId), CredentialKind.CALENDAR, "calendar",
                LIFETIME);
        audit.record(AuditAction.TOKEN_ISSUED, "AuthCredential", String.valueOf(secret.credentialId()), "calendar feed");
        return secret;
    }

    /** The user a feed address belongs to, if it is current. */
    public Optional<SignedInUser> owner(String secret) {
        return credentials.identify(secret, Set.of(CredentialKind.CALENDAR));
    }
}
