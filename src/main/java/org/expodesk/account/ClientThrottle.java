package org.expodesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down one client address that keeps failing to sign in, whatever user names it tries
 * (the per-account lock is in the database). Kept per node: an attacker spread over several
 * nodes still meets the account lock.
 */
@ApplicationScoped
public class ClientThrottle {

    private static final int MAX_TRACKED = 100_000;

    private record Window(int failures, Instant blockedUntil, Instant lastFailure) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    @Inject
    AuthConfig config;

    public boolean isBlocked(String client) {
        Window window = client == null ? null : windows.get(client);
        return window != null && window.blockedUntil() != null && window.blockedUntil().isAfter(Instant.now(clock));
    }

    /** Counts a failure; true when this one blocks the client. */
    public boolean failed(String client) {
        if (client == null) {
            return false;
        }
        Instant now = Instant.now(clock);
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> w.lastFailure().plus(config.lockout()).isBefore(now));
        }
        Window updated = windows.compute(client, (key, old) -> {
            int failures = old == null || old.lastFailure().plus(config.lockout()).isBefore(now) ? 1 : old.failures() + 1;
            Instant blockedUntil = failures >= config.maxFailedLogins() ? now.plus(config.lockout()) : null;
            return new Window(blockedUntil != null ? 0 : failures, blockedUntil, now);
        });
        return updated.blockedUntil() != null;
    }

    public void succeeded(String client) {
        if (client != null) {
            windows.remove(client);
        }
    }
}
