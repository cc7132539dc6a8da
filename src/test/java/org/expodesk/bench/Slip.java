package org.expodesk.bench;

import org.expodesk.plan.schedule.Network;
import org.expodesk.plan.schedule.Schedule;

/**
 * The slip the benchmark reschedules after: an unfinished task of the first stage whose finish
 * currently sets a successor's start, so that finishing later must move that successor
 * ({@code successor}); of those, the one with the least slack, then the longest chain after it, so
 * that the delay travels as far as the plan's buffers let it.
 */
record Slip(int task, int slack, int chainLength, int successor, int forecastDay) {

    /** The task forecast to finish {@code days} working days after its early finish. */
    static Slip choose(PlanGenerator.Plan plan, Schedule base, int days) {
        Network net = plan.network();
        int[][] out = successorEdges(net);
        int[] chain = chainLengths(plan, out);
        Slip best = null;
        for (int r = 0; r < net.size() && plan.stageOfRank(r) == 0; r++) {
            int t = plan.topologicalOrder()[r];
            boolean better = best == null || base.slack(t) < best.slack
                    || (base.slack(t) == best.slack && chain[t] > best.chainLength);
            if (net.actualFinish()[t] != Network.NONE || !better) {
                continue;
            }
            for (int e : out[t]) {
                int s = net.succ()[e];
                boolean drivenByT = !net.startToStart()[e] && !net.pinned()[s] && net.actualStart()[s] == Network.NONE
                        && base.earlyStart()[s] == base.earlyFinish()[t] + net.lag()[e];
                if (drivenByT) {
                    best = new Slip(t, base.slack(t), chain[t], s, base.earlyFinish()[t] - 1 + days);
                    break;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no unfinished first-stage task drives a successor");
        }
        return best;
    }

    /** For each task, the most tasks on a dependency chain starting with it. */
    static int[] chainLengths(PlanGenerator.Plan plan) {
        return chainLengths(plan, successorEdges(plan.network()));
    }

    private static int[] chainLengths(PlanGenerator.Plan plan, int[][] out) {
        Network net = plan.network();
        int[] chain = new int[net.size()];
        for (int r = net.size() - 1; r >= 0; r--) {
            int t = plan.topologicalOrder()[r];
            int longest = 0;
            for (int e : out[t]) {
                longest = Math.max(longest, chain[net.succ()[e]]);
            }
            chain[t] = longest + 1;
        }
        return chain;
    }

    private static int[][] successorEdges(Network net) {
        int[] count = new int[net.size()];
        for (int e = 0; e < net.edges(); e++) {
            count[net.pred()[e]]++;
        }
        int[][] out = new int[net.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int e = 0; e < net.edges(); e++) {
            int p = net.pred()[e];
            out[p][count[p]++] = e;
        }
        return out;
    }
}
