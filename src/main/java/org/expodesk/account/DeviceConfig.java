package org.expodesk.account;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

@ConfigMapping(prefix = "expodesk.devices")
public interface DeviceConfig {

    /** How long a scanner device's setup code may be typed in. */
    Duration setupCodeLifetime();

    /** How long a device token lasts; staff revoke it sooner by revoking the device. */
    Duration tokenLifetime();

    /**
     * How long a verified device token is believed without asking the database again: a revoked
     * device's requests other than scans may still pass on another instance for that long.
     */
    Duration tokenCache();
}
