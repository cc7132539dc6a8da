package org.expodesk.party;

/**
 * Fired, inside the erasing transaction, when a person's data is erased on request: whatever
 * else keeps something of them (import fingerprints, review pairs) forgets it too.
 */
public record PersonErased(long personId) {
}
