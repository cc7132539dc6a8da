package org.expodesk.followup.survey.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.followup.survey.SurveyConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts unknown survey links per client address, so that nobody can try links by the thousand:
 * after too many in a window the address waits until the window ends. Links have 256 random bits,
 * so this guards the database more than the links. Kept per node.
 */
@ApplicationScoped
public class UnknownLinkThrottle {

    private static final int MAX_TRACKED = 100_000;

    private record Window(int misses, Instant startedAt) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    SurveyConfig config;

    @Inject
    Clock clock;

    public boolean isBlocked(String address) {
        Window window = address == null ? null : windows.get(address);
        return window != null && window.misses() >= config.maxUnknownLinks() && !expired(window, Instant.now(clock));
    }

    public void missed(String address) {
        if (address == null) {
            return;
        }
        Instant now = Instant.now(clock);
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> expired(w, now));
        }
        windows.compute(address, (a, old) -> old == null || expired(old, now) ? new Window(1, now)
                : new Window(old.misses() + 1, old.startedAt()));
    }

    private boolean expired(Window window, Instant now) {
        return window.startedAt().plus(config.unknownLinkWindow()).isBefore(now);
    }
}
