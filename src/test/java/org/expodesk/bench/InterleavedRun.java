package org.expodesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Times several operations in rounds, each round running every operation once in a rotating order,
 * so that a burst of load from elsewhere on a shared machine hits all of them alike and their ratios
 * stay meaningful. Warm-up and measurement each stop at a number of rounds or a time, whichever
 * comes first.
 */
final class InterleavedRun {

    record Outcome(int warmupRounds, double warmupSeconds, int rounds, double seconds, long[][] nanos,
                   double cpuShare, int sink) {
    }

    /** Figures of one operation, in milliseconds; percentiles by nearest rank. */
    record Figures(double min, double median, double p95, double max) {

        static Figures of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Figures(ms(sorted[0]), ms(rank(sorted, 0.50)), ms(rank(sorted, 0.95)),
                    ms(sorted[sorted.length - 1]));
        }

        private static long rank(long[] sorted, double quantile) {
            return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    private InterleavedRun() {
    }

    static Outcome run(List<IntSupplier> ops, int warmupRounds, double warmupSeconds, int maxRounds,
                       double maxSeconds) {
        int sink = 0;
        long start = System.nanoTime();
        int warm = 0;
        while (warm < warmupRounds && System.nanoTime() - start < seconds(warmupSeconds)) {
            for (IntSupplier op : ops) {
                sink += op.getAsInt();
            }
            warm++;
        }
        double warmedIn = (System.nanoTime() - start) / 1e9;
        System.gc();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long[][] nanos = new long[ops.size()][maxRounds];
        int rounds = 0;
        start = System.nanoTime();
        while (rounds < maxRounds && System.nanoTime() - start < seconds(maxSeconds)) {
            for (int k = 0; k < ops.size(); k++) {
                int op = (rounds + k) % ops.size();
                long t0 = System.nanoTime();
                sink += ops.get(op).getAsInt();
                nanos[op][rounds] = System.nanoTime() - t0;
            }
            rounds++;
        }
        long wall = System.nanoTime() - start;
        double cpuShare = (threads.getCurrentThreadCpuTime() - cpuStart) / (double) wall;
        for (int op = 0; op < nanos.length; op++) {
            nanos[op] = Arrays.copyOf(nanos[op], rounds);
        }
        return new Outcome(warm, warmedIn, rounds, wall / 1e9, nanos, cpuShare, sink);
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }
}
