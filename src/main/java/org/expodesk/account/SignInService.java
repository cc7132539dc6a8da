package org.expodesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.audit.Actor;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks a user name and password and hands out a session or an API token. After too many
 * failures in a row the account, and separately the client address, is locked for a while;
 * every outcome is audited. A failure never tells whether the user name exists.
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
    ClientThrottle throttle;

    @Inject
    AuditLog audit;

    @Transactional
    public Result signIn(String username, String password, String client, CredentialKind kind, String tokenName) {
        String name = username == null ? "" : username.trim();
        Actor claimed = new Actor(null, name.isEmpty() ? Actor.ANONYMOUS.name() : name);
        if (throttle.isBlocked(client)) {
            audit.recordAs(claimed, AuditAction.LOGIN_FAILED, null, null, "client address is locked");
            return Result.failed(Outcome.LOCKED);
        }
        Instant now = Instant.now(clock);
        UserAccount user = UserAccount.findByUsername(name).orElse(null);
        if (user == null || !user.enabled || user.passwordHash == null) {
            hasher.verifyDecoy(password == null ? "" : password);
            return failure(claimed, null, client, user == null ? "unknown user name" : "account cannot sign in");
        }
        Actor actor = new Actor(user.id, user.username);
        if (user.isLockedAt(now)) {
            audit.recordAs(actor, AuditAction.LOGIN_FAILED, "UserAccount", user.id.toString(), "account is locked");
            throttle.failed(client);
            return Result.failed(Outcome.LOCKED);
        }
        if (!hasher.matches(password, user.passwordHash)) {
            user.failedLogins++;
            if (user.failedLogins >= config.maxFailedLogins()) {
                user.failedLogins = 0;
                user.lockedUntil = now.plus(config.lockout());
                audit.recordAs(actor, AuditAction.LOGIN_LOCKED, "UserAccount", user.id.toString(),
                        "locked until " + user.lockedUntil);
            }
            return failure(actor, user, client, "wrong password");
        }
        user.failedLogins = 0;
        user.lockedUntil = null;
        user.lastLoginAt = now;
        throttle.succeeded(client);
        Duration lifetime = kind == CredentialKind.SESSION ? config.sessionLifetime() : config.apiTokenDefaultLifetime();
        IssuedSecret secret = credentials.issue(user, kind, tokenName, lifetime);
        audit.recordAs(actor, AuditAction.LOGIN_SUCCEEDED, "UserAccount", user.id.toString(),
                kind == CredentialKind.SESSION ? "page session" : "API token");
        return new Result(Outcome.SIGNED_IN, secret,
                new SignedInUser(user.id, user.username, user.displayName, user.role, user.organizationId, user.locale,
                        secret.credentialId()));
    }

    private Result failure(Actor actor, UserAccount user, String client, String why) {
        audit.recordAs(actor, AuditAction.LOGIN_FAILED, user == null ? null : "UserAccount",
                user == null ? null : user.id.toString(), why);
        boolean nowBlocked = throttle.failed(client);
        if (nowBlocked) {
            audit.recordAs(actor, AuditAction.LOGIN_LOCKED, null, null, "client address " + client + " locked");
        }
        boolean accountLocked = user != null && user.isLockedAt(Instant.now(clock));
        return Result.failed(accountLocked || nowBlocked ? Outcome.LOCKED : Outcome.INVALID);
    }
}
