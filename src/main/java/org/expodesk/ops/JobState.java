package org.expodesk.ops;

/** The state of a job's schedule, as Quartz keeps it in the shared job store. */
public enum JobState {
    NORMAL,
    PAUSED,
    /** A non-concurrent job whose previous firing is still running. */
    BLOCKED,
    /** Quartz could not run it (e.g. its class is missing on the node that tried). */
    ERROR,
    /** Its trigger will not fire again. */
    COMPLETE,
    /** No trigger: it runs only when started by hand. */
    NONE
}
