package org.expodesk.platform;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A few writer threads that decide what request threads queue, many at a time (ADR 0021's online scans, ADR 0031's
 * public submits): a writer takes whatever is queued when it is free, up to {@code maxBatch}, and never waits for
 * more, so an item alone is decided at once. A request gets its item's answer, or none (it decides it alone): when
 * the batch did not decide it, failed, or took longer than {@link #LONGEST_WAIT}, or when no writer runs.
 *
 * @param <T> what a request queues
 * @param <R> its answer
 */
public final class BatchWriters<T, R> {

    /** Far longer than any batch takes while the database answers. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(BatchWriters.class);

    private record Waiting<T, R>(T item, CompletableFuture<Optional<R>> answer) {
    }

    /** What the writers do with a batch: an answer per item, in order (none: its request decides it alone). */
    public interface Decider<T, R> {
        List<Optional<R>> decide(List<T> batch);
    }

    private final String threadName;
    private final String what;
    private final int maxBatch;
    private final Decider<T, R> decider;
    private final Function<List<T>, List<T>> choose;
    private final Predicate<Throwable> expected;
    private final LinkedBlockingQueue<Waiting<T, R>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /**
     * {@code threadName}: the writers' threads' name before their number; {@code what}: the items, for the log; {@code choose}: the items of a batch taken that the
     * writer decides (the others are answered none after it); {@code expected}: failures of a batch that are part of
     * the design, logged at debug only.
     */
    public BatchWriters(String threadName, String what, int maxBatch, Decider<T, R> decider,
                        Function<List<T>, List<T>> choose, Predicate<Throwable> expected) {
        this.threadName = threadName;
        this.what = what;
        this.maxBatch = maxBatch;
        this.decider = decider;
        this.choose = choose;
        this.expected = expected;
    }

    /** Starts {@code writers} threads (0: none; every item is decided alone). */
    public void start(int writers) {
        running = writers > 0;
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::write, threadName + "-" + i);
            writer.setDaemon(true);
            threads.add(writer);
            writer.start();
        }
    }

    public boolean running() {
        return running;
    }

    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        leaveQueuedAlone();
    }

    private void leaveQueuedAlone() {
        List<Waiting<T, R>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(w -> w.answer().complete(Optional.empty()));
    }

    /**
     * The item's answer from a batch, or none: the caller decides it alone. Deciding alone after {@link #LONGEST_WAIT}
     * while the batch still runs must be safe for the caller (a unique key lets only one of them write).
     */
    public Optional<R> decide(T item) {
        if (!running) {
            return Optional.empty();
        }
        Waiting<T, R> waiting = new Waiting<>(item, new CompletableFuture<>());
        queue.add(waiting);
        if (!running) {
            // stopped meanwhile: no writer will take it
            leaveQueuedAlone();
        }
        return await(waiting.answer());
    }

    private static <R> Optional<R> await(CompletableFuture<Optional<R>> answer) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return answer.get(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | TimeoutException e) {
                    return Optional.empty();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many items the last batch taken had, before {@code choose}: more than one means requests queue. */
    public interface Taken {
        void taken(int size);
    }

    private volatile Taken onTaken = size -> { };

    /** Told the size of each batch as a writer takes it. */
    public void onTaken(Taken listener) {
        onTaken = listener;
    }

    private void write() {
        List<Waiting<T, R>> taken = new ArrayList<>(maxBatch);
        while (running) {
            try {
                taken.add(queue.take());
            } catch (InterruptedException e) {
                // stop() interrupts after it cleared running; a stray interrupt must not end a writer that should run
                continue;
            }
            queue.drainTo(taken, maxBatch - 1);
            List<T> items = taken.stream().map(Waiting::item).toList();
            List<T> chosen = List.of();
            try {
                onTaken.taken(taken.size());
                chosen = choose.apply(items);
                List<Optional<R>> answers = decider.decide(chosen);
                for (int i = 0; i < chosen.size(); i++) {
                    // by identity: the chosen items are the taken ones, some left out
                    taken.get(indexOf(items, chosen.get(i))).answer().complete(answers.get(i));
                }
            } catch (Throwable e) {
                // answered below: alone; the writer goes on, or every later request would wait for LONGEST_WAIT
                if (expected.test(e)) {
                    LOG.debugf(e, "A batch of %d %s was rolled back; each is decided alone", chosen.size(), what);
                } else {
                    LOG.errorf(e, "A batch of %d %s failed; each is decided alone", chosen.size(), what);
                }
            } finally {
                // whatever happened, no request waits for this batch any longer
                taken.forEach(w -> w.answer().complete(Optional.empty()));
                taken.clear();
            }
        }
    }

    private static <T> int indexOf(List<T> items, T item) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == item) {
                return i;
            }
        }
        throw new IllegalStateException("a chosen item was not taken");
    }
}
