package org.expodesk.plan.schedule;

/**
 * A plan as plain arrays for the scheduler, all days as working-day numbers of the exhibition's
 * calendar. Task {@code i} has {@code duration[i]} working days, may not start before
 * {@code notBefore[i]} and should finish by the end of day {@code deadline[i]}. Edges run from
 * {@code pred[e]} to {@code succ[e]}; {@code startToStart[e]} makes an edge start-to-start instead of
 * finish-to-start; {@code lag[e]} working days lie between.
 *
 * <p>{@code NONE} marks an absent actual or forecast date.
 */
public record Network(int[] duration, int[] notBefore, int[] deadline, boolean[] pinned, int[] actualStart,
                      int[] actualFinish, int[] forecastFinish, int[] pred, int[] succ, boolean[] startToStart,
                      int[] lag) {

    public static final int NONE = Integer.MIN_VALUE;

    public int size() {
        return duration.length;
    }

    public int edges() {
        return pred.length;
    }
}
