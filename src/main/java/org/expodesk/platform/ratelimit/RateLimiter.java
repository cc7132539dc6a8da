package org.expodesk.platform.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.platform.problem.Problem;
import org.expodesk.platform.problem.ProblemType;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per (limit, client address) for the public endpoints: {@code burst} requests at
 * once, refilled at {@code perMinute}. Kept in memory on each node: with n nodes behind a balancer a
 * client gets at most n times the limit, which is enough to stop a script filling a form.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_TRACKED = 200_000;

    private record Bucket(double tokens, long atMillis) {
    }

    @Inject
    RateLimitConfig config;

    @Inject
    Clock clock;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one request from the client's bucket, or throws a 429 saying when to come back. */
    public void require(String limit, String clientAddress) {
        long retryAfter = take(limit, clientAddress);
        if (retryAfter > 0) {
            throw new TooManyRequests(retryAfter);
        }
    }

    /** Takes one request; 0 when allowed, else the seconds until the next one is. */
    public long take(String limit, String clientAddress) {
        RateLimitConfig.Limit configured = config.limits().get(limit);
        int perMinute = configured != null ? configured.perMinute() : config.defaultPerMinute();
        int burst = configured != null ? configured.burst() : config.defaultBurst();
        long now = clock.millis();
        if (buckets.size() > MAX_TRACKED) {
            // a bucket idle for a minute is full again: forgetting it changes nothing; if even that leaves too
            // many (a flood from very many addresses), all are forgotten rather than let memory grow
            buckets.values().removeIf(b -> now - b.atMillis() > 60_000);
            if (buckets.size() > MAX_TRACKED) {
                buckets.clear();
            }
        }
        String key = limit + "|" + client(clientAddress);
        double perMilli = perMinute / 60_000.0;
        long[] wait = {0};
        buckets.compute(key, (k, old) -> {
            double tokens = old == null ? burst : Math.min(burst, old.tokens() + (now - old.atMillis()) * perMilli);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000));
            return new Bucket(tokens, now);
        });
        return wait[0];
    }

    /**
     * Who is counted: an IPv4 address, or the /64 network of an IPv6 address (one subscriber usually
     * holds a whole /64 and could otherwise take a fresh address for every request).
     */
    static String client(String address) {
        if (address == null || address.isBlank()) {
            return "?";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1)
                    : address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
            }
            return network.append(":/64").toString();
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    /** A 429 with the seconds to wait, which the web layer sends as {@code Retry-After}. */
    public static final class TooManyRequests extends org.expodesk.platform.problem.ProblemException {
        private final long retryAfterSeconds;

        public TooManyRequests(long retryAfterSeconds) {
            super(Problem.of(ProblemType.TOO_MANY_REQUESTS, "rateLimit_tooMany"));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
