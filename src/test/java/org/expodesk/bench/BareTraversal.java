package org.expodesk.bench;

/**
 * The ceiling for a scheduler: Kahn's topological traversal over the same edge arrays with no
 * arithmetic at all. Any algorithm that looks at every dependency once pays at least this much, so
 * a scheduler's time divided by this one says how much its own work costs on top.
 */
final class BareTraversal {

    private BareTraversal() {
    }

    /** Visits every task in a topological order; returns the last one visited. */
    static int visit(int n, int[] pred, int[] succ) {
        int m = pred.length;
        int[] outStart = new int[n + 1];
        int[] indegree = new int[n];
        for (int e = 0; e < m; e++) {
            outStart[pred[e] + 1]++;
            indegree[succ[e]]++;
        }
        for (int i = 0; i < n; i++) {
            outStart[i + 1] += outStart[i];
        }
        int[] successors = new int[m];
        int[] fill = outStart.clone();
        for (int e = 0; e < m; e++) {
            successors[fill[pred[e]]++] = succ[e];
        }
        int[] queue = new int[n];
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                queue[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            for (int x = outStart[i]; x < outStart[i + 1]; x++) {
                if (--indegree[successors[x]] == 0) {
                    queue[tail++] = successors[x];
                }
            }
        }
        if (tail < n) {
            throw new IllegalStateException("not acyclic: " + (n - tail) + " tasks never became free");
        }
        return queue[n - 1];
    }
}
