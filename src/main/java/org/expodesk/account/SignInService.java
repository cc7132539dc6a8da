package org.expodesk.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.audit.Actor;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a user name and password and hands out a session or an API token. After too many
 * failures in a row the account is locked for a while (in the database, so on every node), and
 * separately so is the client address; every outcome is audited. A failure never tells whether
 * the user name exists: unknown names are counted and locked like accounts, and every answer
 * costs one password hash.
 */
@ApplicationScoped
public class SignInService {

    public enum Outcome { SIGNED_IN, INVALID, LOCKED }

    public record Result(Outcome outcome, IssuedSecret secret, SignedInUser user) {

        static Result failed(Outcome outcome) {
            return new Result(outcome, null, null);
        }
    }

    @Inject
    Clock clock;

    @Inject
    AuthConfig config;

    @Inject
    PasswordHasher hasher;

    @Inject
    CredentialService credentials;

    @Inject
    AuditLog audit;

    private FailureThrottle clients;
    private FailureThrottle unknownNames;

    @PostConstruct
    void init() {
        clients = new FailureThrottle(clock, config.maxFailedLogins(), config.lockout());
        unknownNames = new FailureThrottle(clock, config.maxFailedLogins(), config.lockout());
    }

    @Transactional
    public Result signIn(String username, String password, String client, CredentialKind kind, String tokenName) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        String given = password == null ? "" : password;
        Actor claimed = new Actor(null, name.isEmpty() ? Actor.ANONYMOUS.name() : name);
        if (clients.isBlocked(client)) {
            hasher.verifyDecoy(given);
            audit.recordAs(claimed, AuditAction.LOGIN_FAILED, null, null, "client address is locked");
            return Result.failed(Outcome.LOCKED);
        }
        Instant now = Instant.now(clock);
        // one sign-in per account at a time: the failure count and the lock stay exact
        Optional<UserAccount> found = lockedUser(name);
        UserAccount user = found.filter(u -> u.enabled && u.passwordHash != null).orElse(null);
        if (user == null) {
            hasher.verifyDecoy(given);
            boolean alreadyBlocked = unknownNames.isBlocked(name);
            boolean nowBlocked = !alreadyBlocked && unknownNames.failed(name);
            audit.recordAs(claimed, AuditAction.LOGIN_FAILED, null, null,
                    found.isEmpty() ? "unknown user name" : "account cannot sign in");
            return clientFailed(claimed, client, alreadyBlocked || nowBlocked);
        }
        Actor actor = new Actor(user.id, user.username);
        if (user.isLockedAt(now)) {
            hasher.verifyDecoy(given);
            audit.recordAs(actor, AuditAction.LOGIN_FAILED, "UserAccount", user.id.toString(), "account is locked");
            return clientFailed(actor, client, true);
        }
        if (!hasher.matches(given, user.passwordHash)) {
            boolean locked = countFailure(user, actor, "wrong password");
            return clientFailed(actor, client, locked);
        }
        user.failedLogins = 0;
        user.lockedUntil = null;
        user.lastLoginAt = now;
        clients.succeeded(client);
        Duration lifetime = kind == CredentialKind.SESSION ? config.sessionLifetime() : config.apiTokenDefaultLifetime();
        IssuedSecret secret = credentials.issue(user, kind, tokenName, lifetime);
        audit.recordAs(actor, AuditAction.LOGIN_SUCCEEDED, "UserAccount", user.id.toString(),
                kind == CredentialKind.SESSION ? "page session" : "API token");
        return new Result(Outcome.SIGNED_IN, secret,
                new SignedInUser(user.id, user.username, user.displayName, user.role, user.organizationId, user.locale,
                        secret.credentialId()));
    }

    /**
     * A wrong password given by a signed-in user (re-entering the current password, say) counts
     * like a failed sign-in, in its own transaction so that it stays counted when the caller's
     * request is refused. True if the account is locked now; its sessions then end.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean passwordGuessFailed(long userId, String why) {
        UserAccount user = lockedUser(userId);
        boolean locked = countFailure(user, new Actor(user.id, user.username), why);
        if (locked) {
            credentials.revokeAll(user.id, CredentialKind.SESSION, null);
        }
        return locked;
    }

    /*
     * Row locks in plain SQL: Hibernate's MySQL dialect writes "FOR UPDATE OF alias", which MySQL 8
     * understands and MariaDB does not. The entity is read after the lock, so it is current.
     */
    private static Optional<UserAccount> lockedUser(String username) {
        List<?> ids = UserAccount.getEntityManager()
                .createNativeQuery("SELECT id FROM user_account WHERE username = ?1 FOR UPDATE")
                .setParameter(1, username).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(UserAccount.findById(((Number) ids.get(0)).longValue()));
    }

    private static UserAccount lockedUser(long id) {
        UserAccount.getEntityManager().createNativeQuery("SELECT id FROM user_account WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        return UserAccount.findById(id);
    }

    private boolean countFailure(UserAccount user, Actor actor, String why) {
        Instant now = Instant.now(clock);
        audit.recordAs(actor, AuditAction.LOGIN_FAILED, "UserAccount", user.id.toString(), why);
        user.failedLogins++;
        if (user.failedLogins >= config.maxFailedLogins()) {
            user.failedLogins = 0;
            user.lockedUntil = now.plus(config.lockout());
            audit.recordAs(actor, AuditAction.LOGIN_LOCKED, "UserAccount", user.id.toString(),
                    "locked until " + user.lockedUntil);
            return true;
        }
        return false;
    }

    private Result clientFailed(Actor actor, String client, boolean locked) {
        if (clients.failed(client)) {
            audit.recordAs(actor, AuditAction.LOGIN_LOCKED, null, null, "client address " + client + " locked");
            return Result.failed(Outcome.LOCKED);
        }
        return Result.failed(locked ? Outcome.LOCKED : Outcome.INVALID);
    }
}
