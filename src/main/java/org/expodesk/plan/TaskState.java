package org.expodesk.plan;

/** Where a task stands in the control loop (docs/plan-control-loop.md). Stored by name. */
public enum TaskState {
    PLANNED, ASSIGNED, IN_PROGRESS, SUBMITTED, CHECKED, CONFIRMED, WAIVED;

    /** Done as far as a stage gate is concerned. */
    public boolean isSettled() {
        return this == CONFIRMED || this == WAIVED;
    }
}
