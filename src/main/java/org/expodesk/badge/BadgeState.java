package org.expodesk.badge;

/** Stored by name: constants are only ever added. */
public enum BadgeState {
    VALID,
    /** Withdrawn by staff or the holder's exhibitor; no longer admits. */
    REVOKED,
    /** Replaced by a reissued badge (name fix, lost badge); no longer admits. */
    SUPERSEDED
}
