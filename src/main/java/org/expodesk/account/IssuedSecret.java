package org.expodesk.account;

import java.time.Instant;

/** A secret just issued: the only moment its clear value exists outside the client. */
public record IssuedSecret(long credentialId, String secret, Instant expiresAt) {
}
