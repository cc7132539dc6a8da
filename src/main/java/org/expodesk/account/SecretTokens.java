package org.expodesk.account;

import org.expodesk.platform.LinkTokens;

/** Random secrets (256 bits) for sessions, tokens and links, and the hash under which they are kept. */
final class SecretTokens {

    private SecretTokens() {
    }

    static String newSecret() {
        return LinkTokens.newToken();
    }

    static String hash(String secret) {
        return LinkTokens.hash(secret);
    }
}
