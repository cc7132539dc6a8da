package org.expodesk.badge.print;

/** Fired when a print job is queued; observed after the commit to hand it to this node's printer. */
public record BadgePrintQueued(long jobId) {
}
