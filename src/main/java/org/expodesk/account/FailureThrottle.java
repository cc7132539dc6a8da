package org.expodesk.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per key (a client address, or a user name that has no account) and
 * blocks a key for a while after too many in a row. Kept per node: the database lock on real
 * accounts holds across nodes.
 */
final class FailureThrottle {

    private static final int MAX_TRACKED = 100_000;

    private record Window(int failures, Instant blockedUntil, Instant lastFailure) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    FailureThrottle(Clock clock, int maxFailures, Duration lockout) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    boolean isBlocked(String key) {
        Window window = key == null ? null : windows.get(key);
        return window != null && window.blockedUntil() != null && window.blockedUntil().isAfter(Instant.now(clock));
    }

    /** Counts a failure; true when this one blocks the key. */
    boolean failed(String key) {
        if (key == null) {
            return false;
        }
        Instant now = Instant.now(clock);
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> w.lastFailure().plus(lockout).isBefore(now));
        }
        Window updated = windows.compute(key, (k, old) -> {
            int failures = old == null || old.lastFailure().plus(lockout).isBefore(now) ? 1 : old.failures() + 1;
            Instant blockedUntil = failures >= maxFailures ? now.plus(lockout) : null;
            return new Window(blockedUntil != null ? 0 : failures, blockedUntil, now);
        });
        return updated.blockedUntil() != null;
    }

    void succeeded(String key) {
        if (key != null) {
            windows.remove(key);
        }
    }
}
