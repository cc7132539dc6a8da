package org.expodesk.plan.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The critical path method over a {@link Network}: a forward pass gives each task its earliest
 * start and finish (after its predecessors, its planned start, and what actually happened or is
 * now forecast), a backward pass from each task's deadline gives the latest ones. A task with no
 * slack is critical; one whose earliest finish passes its deadline is at risk; a pinned task that
 * its predecessors would push is in conflict and keeps its dates. A slip is just a later forecast
 * or actual finish: rescheduling pushes every successor.
 *
 * <p>Linear in tasks plus dependencies; arrays only, no allocation per task, so that 10,000 tasks
 * and 30,000 dependencies take a few milliseconds (docs/benchmarks.md).
 */
public final class CriticalPath {

    private CriticalPath() {
    }

    /** Thrown when the dependencies contain a cycle; carries the tasks of one cycle, in order. */
    public static final class CycleException extends RuntimeException {
        private final transient List<Integer> cycle;

        CycleException(List<Integer> cycle) {
            super("cycle", null, false, false);
            this.cycle = cycle;
        }

        public List<Integer> cycle() {
            return cycle;
        }
    }

    public static Schedule schedule(Network net) {
        int n = net.size();
        int m = net.edges();
        // adjacency in compressed form: outgoing edges per task, and incoming edges per task
        int[] outStart = new int[n + 1];
        int[] inStart = new int[n + 1];
        for (int e = 0; e < m; e++) {
            outStart[net.pred()[e] + 1]++;
            inStart[net.succ()[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            outStart[i + 1] += outStart[i];
            inStart[i + 1] += inStart[i];
        }
        int[] outEdges = new int[m];
        int[] inEdges = new int[m];
        int[] outFill = outStart.clone();
        int[] inFill = inStart.clone();
        for (int e = 0; e < m; e++) {
            outEdges[outFill[net.pred()[e]]++] = e;
            inEdges[inFill[net.succ()[e]]++] = e;
        }

        int[] order = topologicalOrder(net, outStart, outEdges, inStart, inEdges);

        int[] es = new int[n];
        int[] ef = new int[n];
        boolean[] conflict = new boolean[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            int start = net.notBefore()[i];
            for (int x = inStart[i]; x < inStart[i + 1]; x++) {
                int e = inEdges[x];
                int p = net.pred()[e];
                int bound = (net.startToStart()[e] ? es[p] : ef[p]) + net.lag()[e];
                if (bound > start) {
                    start = bound;
                }
            }
            if (net.pinned()[i]) {
                conflict[i] = start > net.notBefore()[i];
                start = net.notBefore()[i];
            }
            if (net.actualStart()[i] != Network.NONE) {
                start = net.actualStart()[i];
            }
            int finish = start + net.duration()[i];
            if (net.actualFinish()[i] != Network.NONE) {
                finish = net.actualFinish()[i] + 1;
            } else if (net.forecastFinish()[i] != Network.NONE) {
                finish = Math.max(start, net.forecastFinish()[i] + 1);
            }
            es[i] = start;
            ef[i] = finish;
        }

        int[] ls = new int[n];
        int[] lf = new int[n];
        boolean[] critical = new boolean[n];
        boolean[] atRisk = new boolean[n];
        for (int k = n - 1; k >= 0; k--) {
            int i = order[k];
            int length = ef[i] - es[i];
            // a milestone happens on its start day, so it may be on its deadline day but not after
            int finish = net.deadline()[i] + (length == 0 ? 0 : 1);
            for (int x = outStart[i]; x < outStart[i + 1]; x++) {
                int e = outEdges[x];
                int s = net.succ()[e];
                int bound = net.startToStart()[e] ? ls[s] - net.lag()[e] + length : ls[s] - net.lag()[e];
                if (bound < finish) {
                    finish = bound;
                }
            }
            lf[i] = finish;
            ls[i] = finish - length;
            critical[i] = ls[i] <= es[i];
            atRisk[i] = length == 0 ? es[i] > net.deadline()[i] : ef[i] > net.deadline()[i] + 1;
        }
        return new Schedule(es, ef, ls, lf, critical, atRisk, conflict);
    }

    /** Kahn's algorithm; a leftover means a cycle, which is then traced for the message. */
    private static int[] topologicalOrder(Network net, int[] outStart, int[] outEdges, int[] inStart,
                                          int[] inEdges) {
        int n = net.size();
        int[] indegree = new int[n];
        for (int i = 0; i < n; i++) {
            indegree[i] = inStart[i + 1] - inStart[i];
        }
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                order[tail++] = i;
            }
        }
        while (head < tail) {
            int i = order[head++];
            for (int x = outStart[i]; x < outStart[i + 1]; x++) {
                int s = net.succ()[outEdges[x]];
                if (--indegree[s] == 0) {
                    order[tail++] = s;
                }
            }
        }
        if (tail < n) {
            throw new CycleException(traceCycle(net, inStart, inEdges, indegree));
        }
        return order;
    }

    /**
     * Every task Kahn's algorithm left over has a predecessor that is also left over, so walking
     * backwards through those always closes a cycle.
     */
    private static List<Integer> traceCycle(Network net, int[] inStart, int[] inEdges, int[] indegree) {
        int n = net.size();
        int current = -1;
        for (int i = 0; i < n && current < 0; i++) {
            if (indegree[i] > 0) {
                current = i;
            }
        }
        int[] seenAt = new int[n];
        java.util.Arrays.fill(seenAt, -1);
        List<Integer> walk = new ArrayList<>();
        while (seenAt[current] < 0) {
            seenAt[current] = walk.size();
            walk.add(current);
            int previous = -1;
            for (int x = inStart[current]; x < inStart[current + 1] && previous < 0; x++) {
                int p = net.pred()[inEdges[x]];
                if (indegree[p] > 0) {
                    previous = p;
                }
            }
            current = previous;
        }
        List<Integer> cycle = new ArrayList<>(walk.subList(seenAt[current], walk.size()));
        java.util.Collections.reverse(cycle);
        cycle.add(cycle.get(0));
        return cycle;
    }
}
