package org.expodesk.badge;

import java.io.ByteArrayOutputStream;

/**
 * Base45 (RFC 9285): the 45 characters of a QR code's alphanumeric mode, so that a payload is
 * encoded at 5.5 bits per character. Decoding is strict: each valid text has exactly one byte
 * string, and anything else is refused (null), never an exception.
 */
final class Base45 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final int[] VALUE = new int[128];

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = i;
        }
    }

    private Base45() {
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3 / 2 + 2);
        int i = 0;
        for (; i + 1 < bytes.length; i += 2) {
            int n = (bytes[i] & 0xff) * 256 + (bytes[i + 1] & 0xff);
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
        }
        if (i < bytes.length) {
            int n = bytes[i] & 0xff;
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
        }
        return out.toString();
    }

    /** The bytes, or null when the text is not canonical base45. */
    static byte[] decode(CharSequence text) {
        int length = text.length();
        if (length % 3 == 1) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length * 2 / 3 + 1);
        int i = 0;
        for (; i + 2 < length; i += 3) {
            int c = value(text.charAt(i));
            int d = value(text.charAt(i + 1));
            int e = value(text.charAt(i + 2));
            if (c < 0 || d < 0 || e < 0) {
                return null;
            }
            int n = c + d * 45 + e * 2025;
            if (n > 0xffff) {
                return null;
            }
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        if (i < length) {
            int c = value(text.charAt(i));
            int d = value(text.charAt(i + 1));
            if (c < 0 || d < 0) {
                return null;
            }
            int n = c + d * 45;
            if (n > 0xff) {
                return null;
            }
            out.write(n);
        }
        return out.toByteArray();
    }

    private static int value(char c) {
        return c < 128 ? VALUE[c] : -1;
    }
}
