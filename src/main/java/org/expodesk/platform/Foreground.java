package org.expodesk.platform;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether people are waiting on this node in numbers right now (a burst of public registrations), so that work
 * nobody waits for gives way for a while: the mail sender's badge PDFs and hand-overs (ADR 0032). A burst counts
 * from the moment it is {@linkplain #burst() noted} for {@link #WINDOW}; work that gives way waits at most as long
 * as it says, so it is late under a long burst, never stopped.
 */
@ApplicationScoped
public class Foreground {

    /** How long after the last note a burst still counts. */
    static final Duration WINDOW = Duration.ofMillis(500);

    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private volatile long burstUntilNanos = System.nanoTime();

    /** Work people wait for is arriving faster than it is done one at a time (requests queue for it). */
    public void burst() {
        burstUntilNanos = System.nanoTime() + WINDOW.toNanos();
    }

    public boolean inBurst() {
        return System.nanoTime() - burstUntilNanos < 0;
    }

    /** Waits while a burst lasts, at most {@code atMost}; whether one still does. */
    public boolean giveWay(Duration atMost) {
        long end = System.nanoTime() + atMost.toNanos();
        while (inBurst() && System.nanoTime() - end < 0) {
            LockSupport.parkNanos(PAUSE_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return inBurst();
    }
}
