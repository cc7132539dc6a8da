package org.expodesk.badge;

/**
 * What a badge code proved. {@link Result#VALID}: signed by a known key of the edition it names,
 * with {@link #payload()} decoded; any other result carries no payload. Whether the badge is still
 * valid (not revoked or superseded) is a separate question: {@link Badges#state(long)}.
 */
public record Verification(Result result, BadgeCodes.Payload payload) {

    /** Stable codes, stored and shown by name: constants are only ever added. */
    public enum Result {
        VALID,
        /** Not a badge code of ours: garbage, cut short, wrong characters, bad structure. */
        MALFORMED,
        /** A payload version this server does not know. */
        UNSUPPORTED_VERSION,
        /** Well formed, but its edition has no key with that number. */
        UNKNOWN_KEY,
        /** The signature does not match: altered, or signed by another key. */
        FORGED,
        /** Genuine, but of another edition than the one asked about. */
        WRONG_EDITION
    }

    public boolean valid() {
        return result == Result.VALID;
    }

    static Verification valid(BadgeCodes.Payload payload) {
        return new Verification(Result.VALID, payload);
    }

    static Verification refused(Result result) {
        return new Verification(result, null);
    }
}
