package org.expodesk.checkin;

/** Which way people pass a gate. */
public enum GateKind {
    ENTRY,
    EXIT,
    BOTH
}
