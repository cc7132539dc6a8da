package org.expodesk.platform.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    private Instant now = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefillWhileAnotherClientIsNotHeldUp() {
        RateLimiter limiter = limiter(Map.of("registration", limit(6, 3)));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("registration", "10.0.0.1")).isZero();
        }
        assertThat(limiter.take("registration", "10.0.0.1")).isEqualTo(10);
        assertThat(limiter.take("registration", "10.0.0.2")).isZero();

        now = now.plus(Duration.ofSeconds(10));
        assertThat(limiter.take("registration", "10.0.0.1")).isZero();
        assertThat(limiter.take("registration", "10.0.0.1")).isPositive();
    }

    @Test
    void limitsAreCountedApartAndAnUnconfiguredOneGetsTheDefaults() {
        RateLimiter limiter = limiter(Map.of("registration", limit(6, 1)));
        assertThat(limiter.take("registration", "10.0.0.1")).isZero();
        assertThat(limiter.take("registration", "10.0.0.1")).isPositive();
        for (int i = 0; i < 2; i++) {
            assertThat(limiter.take("other", "10.0.0.1")).isZero();
        }
        assertThat(limiter.take("other", "10.0.0.1")).isPositive();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64SoFreshAddressesDoNotHelp() {
        RateLimiter limiter = limiter(Map.of("registration", limit(6, 2)));
        assertThat(limiter.take("registration", "2001:db8:1:2::1")).isZero();
        assertThat(limiter.take("registration", "2001:db8:1:2:aaaa::7")).isZero();
        assertThat(limiter.take("registration", "2001:db8:1:2:ffff:1:2:3")).isPositive();
        assertThat(limiter.take("registration", "2001:db8:1:3::1")).isZero();
        assertThat(RateLimiter.client("192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void overTheLimitRequireThrowsA429WithTheWait() {
        RateLimiter limiter = limiter(Map.of("registration", limit(60, 1)));
        limiter.require("registration", "10.0.0.1");
        assertThatThrownBy(() -> limiter.require("registration", "10.0.0.1"))
                .isInstanceOfSatisfying(RateLimiter.TooManyRequests.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(429);
                    assertThat(e.retryAfterSeconds()).isEqualTo(1);
                });
    }

    private RateLimiter limiter(Map<String, RateLimitConfig.Limit> limits) {
        RateLimiter limiter = new RateLimiter();
        limiter.clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        limiter.config = new RateLimitConfig() {
            @Override
            public Map<String, Limit> limits() {
                return limits;
            }

            @Override
            public int defaultPerMinute() {
                return 20;
            }

            @Override
            public int defaultBurst() {
                return 2;
            }
        };
        return limiter;
    }

    private static RateLimitConfig.Limit limit(int perMinute, int burst) {
        return new RateLimitConfig.Limit() {
            @Override
            public int perMinute() {
                return perMinute;
            }

            @Override
            public int burst() {
                return burst;
            }
        };
    }
}
