package org.expodesk.bench.customers;

import java.util.Random;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters, registration office
 * and kind (91: enterprise), the six-digit region code, a nine-character organization code, and
 * a check character computed as the standard says.
 */
final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    static String chinese(Random r, Words.Place place) {
        StringBuilder code = new StringBuilder("91").append(place.regionCode());
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        code.append((char) ('0' + r.nextInt(10)));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return code.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }
}
