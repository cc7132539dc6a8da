package org.expodesk.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "expodesk.auth")
public interface AuthConfig {

    /** A page session ends this long after sign-in, used or not. */
    Duration sessionLifetime();

    /** A page session ends after this long without a request. */
    Duration sessionIdleTimeout();

    Duration apiTokenDefaultLifetime();

    Duration setupLinkLifetime();

    /** Failed sign-ins in a row after which an account, or a client address, is locked. */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long such a lock lasts. */
    Duration lockout();
}
