package org.expodesk.party.imports;

/** Fired when a run is ready to go; observed after commit to start it. */
public record ImportQueued(long importId) {
}
