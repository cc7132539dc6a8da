package org.expodesk.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.util.Map;

/**
 * Requests one client address may make to a public endpoint, per named limit:
 * {@code expodesk.rate-limit.<name>.per-minute} and {@code .burst}; a name not configured gets the
 * defaults. The address is the one Quarkus' proxy support gives (a forwarding header is believed
 * only from a configured trusted proxy).
 */
@ConfigMapping(prefix = "expodesk.rate-limit")
public interface RateLimitConfig {

    @WithParentName
    Map<String, Limit> limits();

    @WithDefault("20")
    int defaultPerMinute();

    @WithDefault("10")
    int defaultBurst();

    interface Limit {
        int perMinute();

        int burst();
    }
}
