package org.expodesk.plan.schedule;

/**
 * The result of a forward and backward pass, per task, in working-day numbers. Starts are the
 * first working day of the task; finishes are exclusive (the day after the last working day), so
 * a milestone has {@code earlyFinish == earlyStart}.
 */
public record Schedule(int[] earlyStart, int[] earlyFinish, int[] lateStart, int[] lateFinish, boolean[] critical,
                       boolean[] atRisk, boolean[] conflict) {

    public int slack(int task) {
        return lateStart[task] - earlyStart[task];
    }
}
