package io.switchboard.httpd.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A count of work under way that a departure waits for: once it has begun, no new work is let in,
 * and the departure waits until what runs has ended or its deadline passed.
 */
final class InFlight {
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean leaving;

    /** @return {@code false} when the departure has begun: the caller does not run */
    boolean enter() {
        running.incrementAndGet();
        if (leaving) {
            exit();
            return false;
        }
        return true;
    }

    void exit() {
        running.decrementAndGet();
        if (leaving) {
            // Every exit, not only the last: a departure may wait for all but its own thread's.
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Lets no new work in and waits until at most {@code allowed} still run (the caller's own), or
     * {@code deadlineNanos} ({@link System#nanoTime()}) passed.
     *
     * @return {@code true} when no more than {@code allowed} still run
     */
    synchronized boolean leave(long deadlineNanos, int allowed) throws InterruptedException {
        leaving = true;
        for (long wait = millisUntil(deadlineNanos); running.get() > allowed && wait > 0; wait = millisUntil(deadlineNanos)) {
            wait(wait);
        }
        return running.get() <= allowed;
    }

    /** @return the milliseconds left before {@code deadlineNanos}, at least 1 while any is left */
    static long millisUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(left));
    }
}
