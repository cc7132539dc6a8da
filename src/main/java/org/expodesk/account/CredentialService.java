package org.expodesk.account;

import org.expodesk.platform.LinkTokens;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Issues, recognizes and revokes sessions, API tokens and setup links. */
@ApplicationScoped
@Transactional
public class CredentialService {

    /** Writing last-used on every request would turn each read into a write. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final Duration KEEP_ENDED = Duration.ofDays(30);

    @Inject
    Clock clock;

    @Inject
    AuthConfig config;

    @Inject
    AuditLog audit;

    public IssuedSecret issue(UserAccount user, CredentialKind kind, String name, Duration lifetime) {
        Instant now = Instant.now(clock);
        String secret = LinkTokens.newToken();
        AuthCredential credential = new AuthCredential();
        credential.user = user;
        credential.kind = kind;
        credential.tokenHash = LinkTokens.hash(secret);
        credential.name = name;
        credential.createdAt = now;
        credential.expiresAt = now.plus(lifetime);
        credential.persist();
        return new IssuedSecret(credential.id, secret, credential.expiresAt);
    }

    /** The user a secret signs in, if it is one of the accepted kinds and still good. */
    public Optional<SignedInUser> identify(String secret, Set<CredentialKind> accepted) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        Optional<AuthCredential> found = AuthCredential.<AuthCredential>find(
                "from AuthCredential c join fetch c.user where c.tokenHash = ?1", LinkTokens.hash(secret))
                .firstResultOptional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AuthCredential credential = found.get();
        UserAccount user = credential.user;
        if (!accepted.contains(credential.kind) || !credential.isUsableAt(now) || !user.enabled || idle(credential, now)) {
            return Optional.empty();
        }
        if (credential.lastUsedAt == null || credential.lastUsedAt.plus(TOUCH_INTERVAL).isBefore(now)) {
            credential.lastUsedAt = now;
        }
        return Optional.of(new SignedInUser(user.id, user.username, user.displayName, user.role, user.organizationId,
                user.locale, credential.id));
    }

    private boolean idle(AuthCredential credential, Instant now) {
        if (credential.kind != CredentialKind.SESSION) {
            return false;
        }
        Instant lastActivity = credential.lastUsedAt != null ? credential.lastUsedAt : credential.createdAt;
        return lastActivity.plus(config.sessionIdleTimeout()).isBefore(now);
    }

    public void revoke(long credentialId) {
        AuthCredential credential = AuthCredential.findById(credentialId);
        if (credential != null && credential.revokedAt == null) {
            credential.revokedAt = Instant.now(clock);
        }
    }

    /** Ends every credential of a kind that a user holds, but the one in use if given. */
    public int revokeAll(long userId, CredentialKind kind, Long except) {
        return AuthCredential.update("revokedAt = ?1 where user.id = ?2 and kind = ?3 and revokedAt is null"
                        + " and id <> ?4", Instant.now(clock), userId, kind, except == null ? -1L : except);
    }

    public List<AuthCredential> activeApiTokens(long userId) {
        return AuthCredential.list("user.id = ?1 and kind = ?2 and revokedAt is null and expiresAt > ?3"
                + " order by createdAt desc", userId, CredentialKind.API_TOKEN, Instant.now(clock));
    }

    /** Revokes one of the user's own API tokens; someone else's is "not found". */
    public void revokeApiToken(long userId, long tokenId) {
        AuthCredential token = AuthCredential.findById(tokenId);
        if (token == null || token.kind != CredentialKind.API_TOKEN || !token.user.id.equals(userId)
                || token.revokedAt != null) {
            throw ProblemException.notFound("API token");
        }
        token.revokedAt = Instant.now(clock);
        audit.record(AuditAction.TOKEN_REVOKED, "AuthCredential", String.valueOf(tokenId), token.name);
    }

    /** The setup link's user, the link being used up; empty if it is unknown, used or expired. */
    public Optional<UserAccount> redeemSetupLink(String secret) {
        Optional<AuthCredential> found = AuthCredential.find("tokenHash", LinkTokens.hash(secret == null ? "" : secret))
                .firstResultOptional();
        Instant now = Instant.now(clock);
        return found.filter(c -> c.kind == CredentialKind.SETUP && c.isUsableAt(now)).map(c -> {
            c.revokedAt = now;
            return c.user;
        });
    }

    public boolean isValidSetupLink(String secret) {
        Instant now = Instant.now(clock);
        return AuthCredential.<AuthCredential>find("tokenHash", LinkTokens.hash(secret == null ? "" : secret))
                .firstResultOptional()
                .filter(c -> c.kind == CredentialKind.SETUP && c.isUsableAt(now) && c.user.enabled)
                .isPresent();
    }

    @Scheduled(identity = "purge-ended-credentials", every = "1h", delayed = "5m")
    void purgeEnded() {
        Instant cutoff = Instant.now(clock).minus(KEEP_ENDED);
        AuthCredential.delete("expiresAt < ?1 or revokedAt < ?1", cutoff);
    }
}
