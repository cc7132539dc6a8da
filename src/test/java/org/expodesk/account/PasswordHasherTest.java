package org.expodesk.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = hasher();

    @Test
    void hashesAreSaltedArgon2idAndVerify() {
        String first = hasher.hash("violet harbour tractor sings");
        String second = hasher.hash("violet harbour tractor sings");
        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(second);
        assertThat(hasher.matches("violet harbour tractor sings", first)).isTrue();
        assertThat(hasher.matches("violet harbour tractor sang", first)).isFalse();
    }

    @Test
    void everyCharacterOfALongPassphraseCounts() {
        String base = "x".repeat(100);
        String hash = hasher.hash(base + "A");
        assertThat(hasher.matches(base + "B", hash)).isFalse();
    }

    @Test
    void garbageHashesNeverMatch() {
        assertThat(hasher.matches("anything", "$2a$10$notargon")).isFalse();
        assertThat(hasher.matches("anything", "$argon2id$v=19$m=x$y$z")).isFalse();
        assertThat(hasher.matches("anything", null)).isFalse();
    }

    private static PasswordHasher hasher() {
        PasswordHasher hasher = new PasswordHasher();
        hasher.config = PasswordPolicyTest.policy().config;
        return hasher;
    }
}
