package org.expodesk.exhibition;

/**
 * Fired inside the transaction that creates an edition ({@code copiedFrom}: the edition it was
 * made from, or null), so that higher features give it their defaults (registration categories,
 * the main gate) in the same commit.
 */
public record EditionCreated(long exhibitionId, Long copiedFrom) {
}
