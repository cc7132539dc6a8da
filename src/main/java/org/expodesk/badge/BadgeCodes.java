package org.expodesk.badge;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The text in a badge's QR code (ADR 0010): {@code XD:} and the base45 of
 * <pre>
 *   version (1 byte, = 1)
 *   edition id, key number, badge id   (unsigned LEB128 varints, shortest form)
 *   category code                      (1 length byte, 1..16 characters A-Z 0-9 _ -)
 *   first valid day                    (2 bytes, days since 1970-01-01)
 *   number of further valid days       (1 byte, 0..255)
 *   Ed25519 signature                  (64 bytes) over all the bytes before it
 * </pre>
 * {@link #parse} and {@link #verify} never throw: any input gives a {@link Verification} with a
 * stable {@link Verification.Result} code. Pure code, no database: check-in devices holding the
 * edition's public keys (offline bundle) decide the same way.
 */
public final class BadgeCodes {

    public static final String PREFIX = "XD:";
    public static final int VERSION = 1;
    /** Longer texts are refused before decoding: a real code is about 140 characters. */
    public static final int MAX_TEXT_LENGTH = 400;
    static final int SIGNATURE_BYTES = 64;
    private static final Pattern CATEGORY = Pattern.compile("[A-Z0-9_-]{1,16}");
    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** Public keys decoded once for verification: an edition has one or a few keys. */
    private static final Map<PublicKey, Ed25519.PublicPoint> PUBLIC_POINTS = new ConcurrentHashMap<>();
    private static final Map<PrivateKey, byte[][]> SIGNING_PAIRS = new ConcurrentHashMap<>();
    private static final int MAX_PUBLIC_POINTS = 1_000;

    private BadgeCodes() {
    }

    /** What a badge's code says. {@code keyNo} is the short key id, counted per edition. */
    public record Payload(long exhibitionId, int keyNo, long badgeId, String category, LocalDate firstDay,
                          LocalDate lastDay) {
    }

    /** Finds an edition's public key by its number; null when the edition has no such key. */
    @FunctionalInterface
    public interface KeyLookup {
        PublicKey find(long exhibitionId, int keyNo);
    }

    /** Whether a category code can be carried in a payload: 1 to 16 of A-Z, 0-9, _ and -. */
    public static boolean isValidCategory(String code) {
        return code != null && CATEGORY.matcher(code).matches();
    }

    /** Signs a payload. Refuses (IllegalArgumentException) what cannot be encoded; callers check first. */
    public static String encode(Payload p, PrivateKey key) {
        if (!isValidCategory(p.category())) {
            throw new IllegalArgumentException("category code must be 1-16 of A-Z 0-9 _ -");
        }
        long first = p.firstDay().toEpochDay();
        long extra = p.lastDay().toEpochDay() - first;
        if (first < 0 || first > 0xffff || extra < 0 || extra > 255) {
            throw new IllegalArgumentException("validity must be 1 to 256 days from 1970 to 2149");
        }
        if (p.exhibitionId() < 0 || p.badgeId() < 0 || p.keyNo() < 0) {
            throw new IllegalArgumentException("ids are not negative");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        out.write(VERSION);
        writeVarint(out, p.exhibitionId());
        writeVarint(out, p.keyNo());
        writeVarint(out, p.badgeId());
        out.write(p.category().length());
        for (int i = 0; i < p.category().length(); i++) {
            out.write(p.category().charAt(i));
        }
        out.write((int) (first >> 8));
        out.write((int) (first & 0xff));
        out.write((int) extra);
        byte[] signed = out.toByteArray();
        // Bouncy Castle's RFC 8032 signing, as for verifying: the same deterministic signature as the JDK's
        // Ed25519, several times cheaper (it was a sixth of a registration's CPU)
        byte[][] pair = SIGNING_PAIRS.computeIfAbsent(key, BadgeCodes::rawPair);
        byte[] signature = new byte[SIGNATURE_BYTES];
        Ed25519.sign(pair[0], 0, pair[1], 0, signed, 0, signed.length, signature, 0);
        out.writeBytes(signature);
        return PREFIX + Base45.encode(out.toByteArray());
    }

    /**
     * Decodes without checking the signature: the payload of a well-formed code, else the reason.
     * A {@link Verification.Result#VALID} result here means only "well formed"; trust {@link #verify}.
     */
    public static Verification parse(String text) {
        try {
            return decode(text).verification();
        } catch (RuntimeException e) {
            return Verification.refused(Verification.Result.MALFORMED);
        }
    }

    /** Decodes and checks the signature with the edition's key named in the code. */
    public static Verification verify(String text, KeyLookup keys) {
        try {
            Decoded d = decode(text);
            if (d.payload == null) {
                return d.verification();
            }
            PublicKey key = keys.find(d.payload.exhibitionId(), d.payload.keyNo());
            if (key == null) {
                return Verification.refused(Verification.Result.UNKNOWN_KEY);
            }
            // Bouncy Castle's RFC 8032 verification: the same check as the JDK's Ed25519 Signature, several
            // times faster, and every online scan verifies one code (docs/checkin.md, "Speed")
            if (PUBLIC_POINTS.size() > MAX_PUBLIC_POINTS) {
                PUBLIC_POINTS.clear();
            }
            Ed25519.PublicPoint point = PUBLIC_POINTS.computeIfAbsent(key,
                    k -> Ed25519.validatePublicKeyFullExport(rawPublicKey(k), 0));
            int signed = d.bytes.length - SIGNATURE_BYTES;
            boolean good = point != null && Ed25519.verify(d.bytes, signed, point, d.bytes, 0, signed);
            return good ? Verification.valid(d.payload) : Verification.refused(Verification.Result.FORGED);
        } catch (RuntimeException e) {
            return Verification.refused(Verification.Result.FORGED);
        }
    }

    /** An Ed25519 public key from its 32 raw bytes (as the offline bundle ships it). */
    public static PublicKey publicKey(byte[] raw) {
        if (raw == null || raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        byte[] x509 = Arrays.copyOf(X509_ED25519_PREFIX, X509_ED25519_PREFIX.length + 32);
        System.arraycopy(raw, 0, x509, X509_ED25519_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The private key's 32-byte seed and the public key it makes, as Bouncy Castle's signing takes them. */
    private static byte[][] rawPair(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey edec) || edec.getBytes().isEmpty()) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        byte[] seed = edec.getBytes().get();
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        return new byte[][] {seed, publicKey};
    }

    /** The 32 raw bytes of an Ed25519 public key. */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] x509 = key.getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    private record Decoded(Verification.Result failure, Payload payload, byte[] bytes) {
        Verification verification() {
            return payload != null ? Verification.valid(payload) : Verification.refused(failure);
        }
    }

    private static Decoded decode(String text) {
        if (text == null || text.length() > MAX_TEXT_LENGTH || !text.startsWith(PREFIX)) {
            return failed(Verification.Result.MALFORMED);
        }
        byte[] b = Base45.decode(text.substring(PREFIX.length()));
        if (b == null || b.length < 1 + 3 + 2 + 3 + SIGNATURE_BYTES) {
            return failed(Verification.Result.MALFORMED);
        }
        if ((b[0] & 0xff) != VERSION) {
            return failed(Verification.Result.UNSUPPORTED_VERSION);
        }
        int end = b.length - SIGNATURE_BYTES;
        int[] at = {1};
        long exhibition = readVarint(b, at, end);
        long keyNo = readVarint(b, at, end);
        long badge = readVarint(b, at, end);
        if (exhibition < 0 || keyNo < 0 || keyNo > Integer.MAX_VALUE || badge < 0 || at[0] >= end) {
            return failed(Verification.Result.MALFORMED);
        }
        int categoryLength = b[at[0]++] & 0xff;
        if (categoryLength < 1 || categoryLength > 16 || at[0] + categoryLength + 3 != end) {
            return failed(Verification.Result.MALFORMED);
        }
        StringBuilder category = new StringBuilder(categoryLength);
        for (int i = 0; i < categoryLength; i++) {
            category.append((char) (b[at[0]++] & 0xff));
        }
        if (!isValidCategory(category.toString())) {
            return failed(Verification.Result.MALFORMED);
        }
        int first = ((b[at[0]] & 0xff) << 8) | (b[at[0] + 1] & 0xff);
        int extra = b[at[0] + 2] & 0xff;
        LocalDate firstDay = LocalDate.ofEpochDay(first);
        return new Decoded(null, new Payload(exhibition, (int) keyNo, badge, category.toString(), firstDay,
                firstDay.plusDays(extra)), b);
    }

    private static Decoded failed(Verification.Result reason) {
        return new Decoded(reason, null, null);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** An unsigned LEB128 value of at most 63 bits in its shortest form, else -1. */
    private static long readVarint(byte[] b, int[] at, int end) {
        long value = 0;
        for (int shift = 0, n = 0; n < 9; shift += 7, n++) {
            if (at[0] >= end) {
                return -1;
            }
            int octet = b[at[0]++] & 0xff;
            value |= (long) (octet & 0x7f) << shift;
            if ((octet & 0x80) == 0) {
                return n > 0 && octet == 0 ? -1 : value;
            }
        }
        return -1;
    }
}
