package org.expodesk.checkin;

/** Whether a scan lets someone in or sees them out. */
public enum Direction {
    IN,
    OUT
}
