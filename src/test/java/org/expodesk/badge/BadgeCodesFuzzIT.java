package org.expodesk.badge;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer on the payload parser, run by failsafe in a JVM of its own (Jazzer's agent instruments
 * every class loaded after it, which the Quarkus tests must not share): {@code ./mvnw verify}
 * fuzzes for {@code maxDuration} after replaying the seeds in
 * {@code src/test/resources/org/expodesk/badge/BadgeCodesFuzzITInputs/} (failsafe sets
 * {@code JAZZER_FUZZ=1}). {@link BadgeCodesTest} holds the seeded random mutations of every test run.
 */
class BadgeCodesFuzzIT {

    private static final KeyPair KEY = generate();
    private static final String VALID = BadgeCodes.encode(new BadgeCodes.Payload(7, 1, 42, "VIP",
            LocalDate.of(2027, 6, 14), LocalDate.of(2027, 6, 17)), KEY.getPrivate());

    @FuzzTest(maxDuration = "15s")
    void anyTextIsAnsweredAndOnlyTheSignedOneVerifies(FuzzedDataProvider data) {
        String text = data.consumeBoolean() ? "XD:" + data.consumeRemainingAsAsciiString() : data.consumeRemainingAsString();
        Verification v = BadgeCodes.verify(text, (e, k) -> e == 7 && k == 1 ? KEY.getPublic() : null);
        Verification parsed = BadgeCodes.parse(text);
        assertThat(v.result()).isNotNull();
        assertThat(parsed.result()).isNotNull();
        assertThat(v.valid()).isEqualTo(text.equals(VALID));
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
