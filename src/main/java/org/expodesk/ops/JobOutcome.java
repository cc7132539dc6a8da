package org.expodesk.ops;

/** How a job's run ended. Stored by name: never rename a constant, only add. */
public enum JobOutcome {
    /** Started on its node and not (yet) reported back: still running, or its node stopped. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Quarkus did not run the method, e.g. because the previous run had not ended. */
    SKIPPED
}
