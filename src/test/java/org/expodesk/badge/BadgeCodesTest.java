package org.expodesk.badge;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The payload parser on its own (no Quarkus): what verifies, and that nothing else does or throws. */
class BadgeCodesTest {

    private static final KeyPair EDITION_7 = generate();
    private static final KeyPair EDITION_8 = generate();
    private static final BadgeCodes.KeyLookup KEYS = (exhibition, keyNo) ->
            exhibition == 7 && keyNo == 1 ? EDITION_7.getPublic()
                    : exhibition == 8 && keyNo == 1 ? EDITION_8.getPublic() : null;
    private static final BadgeCodes.Payload PAYLOAD = new BadgeCodes.Payload(7, 1, 123_456, "PROFESSIONAL",
            LocalDate.of(2027, 6, 12), LocalDate.of(2027, 6, 18));

    @Test
    void aSignedCodeVerifiesAndCarriesItsFieldsInASmallAlphanumericText() {
        String code = BadgeCodes.encode(PAYLOAD, EDITION_7.getPrivate());

        assertThat(code).startsWith("XD:").matches("[0-9A-Z $%*+\\-./:]+");
        // QR version 6 at medium error correction holds 154 alphanumeric characters
        assertThat(code.length()).isLessThanOrEqualTo(154);
        Verification v = BadgeCodes.verify(code, KEYS);
        assertThat(v.result()).isEqualTo(Verification.Result.VALID);
        assertThat(v.payload()).isEqualTo(PAYLOAD);
        assertThat(BadgeCodes.parse(code).payload()).isEqualTo(PAYLOAD);
    }

    @Test
    void largeIdsAndTheLongestCategoryAndValidityRoundTrip() {
        BadgeCodes.Payload p = new BadgeCodes.Payload(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE,
                "ABCDEFGHIJ_-0123", LocalDate.of(2149, 1, 1), LocalDate.of(2149, 1, 1).plusDays(255));
        KeyPair pair = generate();
        String code = BadgeCodes.encode(p, pair.getPrivate());
        assertThat(BadgeCodes.verify(code, (e, k) -> pair.getPublic()).payload()).isEqualTo(p);
    }

    @Test
    void everyRefusalHasItsOwnStableReason() {
        String code = BadgeCodes.encode(PAYLOAD, EDITION_7.getPrivate());
        // signed with edition 8's key but claiming edition 7
        String otherKey = BadgeCodes.encode(PAYLOAD, EDITION_8.getPrivate());
        String unknownKey = BadgeCodes.encode(new BadgeCodes.Payload(7, 2, 1, "VIP", PAYLOAD.firstDay(),
                PAYLOAD.lastDay()), EDITION_7.getPrivate());

        assertThat(BadgeCodes.verify(otherKey, KEYS).result()).isEqualTo(Verification.Result.FORGED);
        assertThat(BadgeCodes.verify(unknownKey, KEYS).result()).isEqualTo(Verification.Result.UNKNOWN_KEY);
        assertThat(BadgeCodes.verify(null, KEYS).result()).isEqualTo(Verification.Result.MALFORMED);
        assertThat(BadgeCodes.verify("", KEYS).result()).isEqualTo(Verification.Result.MALFORMED);
        assertThat(BadgeCodes.verify("hello", KEYS).result()).isEqualTo(Verification.Result.MALFORMED);
        assertThat(BadgeCodes.verify(code.toLowerCase(), KEYS).result()).isEqualTo(Verification.Result.MALFORMED);
        assertThat(BadgeCodes.verify(code + " ", KEYS).result()).isNotEqualTo(Verification.Result.VALID);
        assertThat(BadgeCodes.verify(code.substring(0, code.length() - 3), KEYS).result())
                .isNotEqualTo(Verification.Result.VALID);
        assertThat(BadgeCodes.verify("XD:" + "A".repeat(5000), KEYS).result()).isEqualTo(Verification.Result.MALFORMED);
        byte[] v2 = Base45.decode(code.substring(3));
        v2[0] = 2;
        assertThat(BadgeCodes.verify("XD:" + Base45.encode(v2), KEYS).result())
                .isEqualTo(Verification.Result.UNSUPPORTED_VERSION);
        assertThat(BadgeCodes.verify(code, (e, k) -> {
            throw new IllegalStateException("database down");
        }).result()).isEqualTo(Verification.Result.FORGED);
    }

    @Test
    void everySingleAlteredByteFailsVerification() {
        String code = BadgeCodes.encode(PAYLOAD, EDITION_7.getPrivate());
        byte[] bytes = Base45.decode(code.substring(3));
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] altered = bytes.clone();
                altered[i] ^= (byte) (1 << bit);
                Verification v = BadgeCodes.verify("XD:" + Base45.encode(altered), KEYS);
                assertThat(v.valid()).as("byte %d bit %d", i, bit).isFalse();
                assertThat(v.payload()).isNull();
            }
        }
    }

    /**
     * Fuzz-style, with a fixed seed so that a failure repeats: thousands of mutations of valid codes
     * (characters replaced, inserted, deleted, swapped, cut, doubled) and random strings of any
     * length. Nothing throws, and only the unaltered text verifies.
     */
    @Test
    void mutatedCodesAndRandomTextNeverThrowAndNeverVerify() {
        Random random = new Random(20261122L);
        String alphabet = Base45.ALPHABET + "abcxyz\u0000\n\t\u00e9\u4e2d\ud83d\ude00";
        String[] valid = new String[8];
        for (int i = 0; i < valid.length; i++) {
            valid[i] = BadgeCodes.encode(new BadgeCodes.Payload(i % 2 == 0 ? 7 : 8, 1, random.nextInt(1 << 30),
                    i % 3 == 0 ? "VIP" : "BUYER", PAYLOAD.firstDay(), PAYLOAD.lastDay().minusDays(i % 4)),
                    i % 2 == 0 ? EDITION_7.getPrivate() : EDITION_8.getPrivate());
            assertThat(BadgeCodes.verify(valid[i], KEYS).valid()).isTrue();
        }
        int checked = 0;
        for (int round = 0; round < 20_000; round++) {
            String original = valid[round % valid.length];
            String text = round % 5 == 4 ? randomText(random, alphabet) : mutate(original, random, alphabet);
            Verification v = BadgeCodes.verify(text, KEYS);
            Verification parsed = BadgeCodes.parse(text);
            assertThat(v).isNotNull();
            assertThat(parsed).isNotNull();
            if (!text.equals(original)) {
                assertThat(v.valid()).as("mutated %s", text).isFalse();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(19_000);
    }

    @Test
    void theSignatureIsTheOneTheJdksEd25519MakesAndAccepts() throws Exception {
        String code = BadgeCodes.encode(PAYLOAD, EDITION_7.getPrivate());
        byte[] bytes = Base45.decode(code.substring(BadgeCodes.PREFIX.length()));
        byte[] signed = java.util.Arrays.copyOf(bytes, bytes.length - BadgeCodes.SIGNATURE_BYTES);
        byte[] signature = java.util.Arrays.copyOfRange(bytes, signed.length, bytes.length);
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initVerify(EDITION_7.getPublic());
        jdk.update(signed);
        assertThat(jdk.verify(signature)).isTrue();
        jdk.initSign(EDITION_7.getPrivate());
        jdk.update(signed);
        assertThat(jdk.sign()).isEqualTo(signature);
    }

    @Test
    void rawPublicKeysRoundTrip() {
        byte[] raw = BadgeCodes.rawPublicKey(EDITION_7.getPublic());
        PublicKey back = BadgeCodes.publicKey(raw);
        String code = BadgeCodes.encode(PAYLOAD, EDITION_7.getPrivate());
        assertThat(raw).hasSize(32);
        assertThat(BadgeCodes.verify(code, (e, k) -> back).valid()).isTrue();
    }

    @Test
    void base45IsStrict() {
        byte[] all = "any bytes \u00ff at all".getBytes(StandardCharsets.UTF_8);
        assertThat(Base45.decode(Base45.encode(all))).isEqualTo(all);
        assertThat(Base45.decode("GGW")).isNull(); // 65536 and more is no pair of bytes
        assertThat(Base45.decode("A")).isNull();
        assertThat(Base45.decode("aa")).isNull();
    }

    private static String mutate(String code, Random random, String alphabet) {
        StringBuilder s = new StringBuilder(code);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(6)) {
                case 0 -> { if (s.length() > 0) { s.setCharAt(at, c); } }
                case 1 -> s.insert(at, c);
                case 2 -> { if (s.length() > 0) { s.deleteCharAt(at); } }
                case 3 -> { if (s.length() > 1 && at + 1 < s.length()) {
                    char t = s.charAt(at); s.setCharAt(at, s.charAt(at + 1)); s.setCharAt(at + 1, t); } }
                case 4 -> s.setLength(at);
                default -> s.append(s, 0, Math.min(s.length(), random.nextInt(20)));
            }
        }
        return s.toString();
    }

    private static String randomText(Random random, String alphabet) {
        int length = random.nextInt(10) == 0 ? random.nextInt(2000) : random.nextInt(200);
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "XD:" : "");
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
