package org.expodesk.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "expodesk.password")
public interface PasswordConfig {

    @WithDefault("12")
    int minLength();

    @WithDefault("512")
    int maxLength();

    /** Argon2id cost; the defaults follow OWASP's recommendation (19 MiB, 2 passes). */
    @WithDefault("19456")
    int argon2MemoryKib();

    @WithDefault("2")
    int argon2Iterations();
}
