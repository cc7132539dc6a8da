package org.expodesk.exhibition;

/** Fired when an exhibition's stages or days off change, which moves its plan's dates. */
public record CalendarChanged(long exhibitionId) {
}
