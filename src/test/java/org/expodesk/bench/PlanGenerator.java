package org.expodesk.bench;

import org.expodesk.plan.schedule.Network;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * A seeded, realistic exhibition plan for benchmarks, in working-day numbers. Tasks run in parallel
 * workstreams through six stages of a two-year horizon; each task mostly depends on the one before
 * it in its workstream and on a few in neighbouring workstreams, so chains are long as in real
 * plans. Some deadlines are tight, the first tasks are done and some in progress, a few are pinned.
 *
 * <p>Every edge runs from a lower to a higher rank (a workstream position further on), so the plan
 * is acyclic; edges are distinct and exactly as many as asked. Task numbers and edge order are then
 * shuffled so that the scheduler gets no help from tasks stored in topological order.
 */
public final class PlanGenerator {

    public static final int STAGES = 6;
    /** Two years of Monday-to-Friday days. */
    public static final int HORIZON_DAYS = 520;
    /**
     * Four tasks of 0..20 days plus lags leave most workstreams some slack in a stage's window; the
     * longest paths through neighbouring workstreams just overrun it, as an ambitious plan does.
     */
    static final int POSITIONS_PER_STAGE = 4;

    /** The plan, and its tasks in one topological order (rank order). */
    public record Plan(Network network, int[] topologicalOrder, int workstreams) {

        public int stageOfRank(int rank) {
            return (rank / workstreams) * STAGES / positions(network.size(), workstreams);
        }
    }

    private final Random random;
    private final int n;
    private final int lanes;
    private final int positions;

    private PlanGenerator(int tasks, long seed) {
        this.random = new Random(seed);
        this.n = tasks;
        this.lanes = Math.max(1, (tasks + STAGES * POSITIONS_PER_STAGE - 1) / (STAGES * POSITIONS_PER_STAGE));
        this.positions = positions(tasks, lanes);
    }

    public static Plan generate(int tasks, int dependencies, long seed) {
        return generate(tasks, dependencies, seed, 0, HORIZON_DAYS);
    }

    /** Day numbers from {@code firstDay}, the horizon split into {@link #STAGES} equal windows. */
    public static Plan generate(int tasks, int dependencies, long seed, int firstDay, int horizonDays) {
        if (tasks < 1 || dependencies < 0 || dependencies > (long) tasks * (tasks - 1) / 2) {
            throw new IllegalArgumentException(
                    tasks + " tasks cannot have " + dependencies + " distinct acyclic edges");
        }
        return new PlanGenerator(tasks, seed).plan(dependencies, firstDay, horizonDays);
    }

    private static int positions(int tasks, int lanes) {
        return (tasks + lanes - 1) / lanes;
    }

    private Plan plan(int m, int firstDay, int horizonDays) {
        int[] duration = new int[n];
        int[] notBefore = new int[n];
        int[] deadline = new int[n];
        boolean[] pinned = new boolean[n];
        int[] actualStart = none(n);
        int[] actualFinish = none(n);
        for (int r = 0; r < n; r++) {
            int position = r / lanes;
            int stage = position * STAGES / positions;
            int stageStart = firstDay + stage * horizonDays / STAGES;
            int stageEnd = firstDay + (stage + 1) * horizonDays / STAGES - 1;
            duration[r] = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(20);
            notBefore[r] = stageStart;
            if (random.nextInt(10) == 0) {
                notBefore[r] += random.nextInt((stageEnd - stageStart) / 3 + 1);
                pinned[r] = random.nextInt(20) == 0;
            }
            deadline[r] = stageEnd;
            if (random.nextInt(20) == 0) {
                int tight = stageEnd - random.nextInt((stageEnd - stageStart) / 3 + 1);
                deadline[r] = Math.max(notBefore[r] + duration[r], tight);
            }
            if (position == 0) {
                actualStart[r] = notBefore[r] + random.nextInt(3);
                actualFinish[r] = actualStart[r] + Math.max(0, duration[r] - 2 + random.nextInt(4));
            } else if (position == 1 && random.nextInt(3) == 0) {
                actualStart[r] = notBefore[r] + 10 + random.nextInt(6);
            }
        }

        long[] edges = edges(m);
        int[] pred = new int[m];
        int[] succ = new int[m];
        boolean[] startToStart = new boolean[m];
        int[] lag = new int[m];
        for (int e = 0; e < m; e++) {
            pred[e] = (int) (edges[e] / n);
            succ[e] = (int) (edges[e] % n);
            startToStart[e] = random.nextInt(100) < 15;
            lag[e] = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(5);
        }

        int[] taskOfRank = shuffled(identity(n));
        int[] p = new int[m];
        int[] s = new int[m];
        for (int e = 0; e < m; e++) {
            p[e] = taskOfRank[pred[e]];
            s[e] = taskOfRank[succ[e]];
        }
        Network network = new Network(permute(duration, taskOfRank), permute(notBefore, taskOfRank),
                permute(deadline, taskOfRank), permute(pinned, taskOfRank), permute(actualStart, taskOfRank),
                permute(actualFinish, taskOfRank), none(n), p, s, startToStart, lag);
        return new Plan(network, taskOfRank, lanes);
    }

    /** Distinct edges as {@code predRank * n + succRank}, predRank < succRank, in random order. */
    private long[] edges(int m) {
        Set<Long> chosen = new HashSet<>(m * 2);
        long[] edges = new long[m];
        int count = 0;
        // the workstreams themselves: each task to the next one in its workstream
        int[] streamSources = shuffled(identity(Math.max(0, n - lanes)));
        for (int i = 0; i < streamSources.length && count < m; i++) {
            count = add(chosen, edges, count, streamSources[i], streamSources[i] + lanes);
        }
        // neighbouring workstreams, one or two positions on
        for (long attempts = 50L * m; count < m && attempts > 0 && positions > 1; attempts--) {
            int from = random.nextInt(n);
            int lane = from % lanes + random.nextInt(7) - 3;
            int position = from / lanes + (random.nextInt(5) == 0 ? 2 : 1);
            int to = position * lanes + lane;
            if (lane >= 0 && lane < lanes && to < n) {
                count = add(chosen, edges, count, from, to);
            }
        }
        // small or dense plans: any forward pair
        while (count < m) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a != b) {
                count = add(chosen, edges, count, Math.min(a, b), Math.max(a, b));
            }
        }
        return shuffled(edges);
    }

    private int add(Set<Long> chosen, long[] edges, int count, int from, int to) {
        long key = (long) from * n + to;
        if (chosen.add(key)) {
            edges[count++] = key;
        }
        return count;
    }

    private int[] shuffled(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private long[] shuffled(long[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        Arrays.setAll(a, i -> i);
        return a;
    }

    private static int[] none(int n) {
        int[] a = new int[n];
        Arrays.fill(a, Network.NONE);
        return a;
    }

    private static int[] permute(int[] byRank, int[] taskOfRank) {
        int[] byTask = new int[byRank.length];
        for (int r = 0; r < byRank.length; r++) {
            byTask[taskOfRank[r]] = byRank[r];
        }
        return byTask;
    }

    private static boolean[] permute(boolean[] byRank, int[] taskOfRank) {
        boolean[] byTask = new boolean[byRank.length];
        for (int r = 0; r < byRank.length; r++) {
            byTask[taskOfRank[r]] = byRank[r];
        }
        return byTask;
    }
}
