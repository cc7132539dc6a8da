package org.expodesk.account;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Setup codes for scanner devices: ten characters of Crockford's base 32 (50 bits) shown as
 * {@code ABCDE-FGHJK}, typeable on a phone. Short, so they expire soon, are used once and
 * activation is throttled per client address.
 */
final class SetupCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SetupCodes() {
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed made canonical: case, spaces and dashes ignored, O read as 0, I and L as 1. */
    static String canonical(String typed) {
        if (typed == null || typed.length() > 40) {
            return "";
        }
        StringBuilder code = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == 'O') {
                code.append('0');
            } else if (c == 'I' || c == 'L') {
                code.append('1');
            } else if (ALPHABET.indexOf(c) >= 0) {
                code.append(c);
            }
        }
        return code.toString();
    }
}
