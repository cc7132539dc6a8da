package org.expodesk.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final PasswordPolicy policy = policy();

    @Test
    void refusesShortPasswords() {
        assertThat(policy.check("Xk3!pQ9#")).contains(PasswordPolicy.Refusal.TOO_SHORT);
        assertThat(policy.check(null)).contains(PasswordPolicy.Refusal.TOO_SHORT);
    }

    @Test
    void refusesTheMostCommonPasswordsOfTwelveCharactersOrMore() {
        assertThat(policy.check("qwerty123456")).contains(PasswordPolicy.Refusal.COMMON);
        assertThat(policy.check("1qaz2wsx3edc")).contains(PasswordPolicy.Refusal.COMMON);
        assertThat(policy.check("leavemealone")).contains(PasswordPolicy.Refusal.COMMON);
    }

    @Test
    void refusesPatternsAndTheUsersOwnName() {
        assertThat(policy.check("aaaaaaaaaaaaaaaa")).isPresent();
        assertThat(policy.check("wangxiaoming2026", "wangxiaoming")).isPresent();
    }

    @Test
    void acceptsLongPassphrasesIncludingChineseAndBeyondBcryptsLimit() {
        assertThat(policy.check("violet harbour tractor sings")).isEmpty();
        assertThat(policy.check("春眠不觉晓处处闻啼鸟夜来风雨声")).isEmpty();
        assertThat(policy.check("a".repeat(3) + " quiet orchard of seventeen lamps ".repeat(10))).isEmpty();
    }

    @Test
    void refusesAbsurdLengths() {
        assertThat(policy.check("x".repeat(600))).contains(PasswordPolicy.Refusal.TOO_LONG);
    }

    static PasswordPolicy policy() {
        PasswordPolicy policy = new PasswordPolicy();
        policy.config = new PasswordConfig() {
            public int minLength() {
                return 12;
            }

            public int maxLength() {
                return 512;
            }

            public int argon2MemoryKib() {
                return 19456;
            }

            public int argon2Iterations() {
                return 2;
            }
        };
        return policy;
    }
}
