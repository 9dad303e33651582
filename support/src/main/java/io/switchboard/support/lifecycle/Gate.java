package io.switchboard.support.lifecycle;

import java.util.concurrent.TimeUnit;

/**
 * Counts the work a component runs on threads that are not its own (a continuation once a request
 * body arrived, say), so that deactivating it can turn away what comes after and wait a bounded time
 * for what runs: nothing of a deactivated component may run against its old state.
 */
public final class Gate {
    private int running;
    private boolean closed;

    /** @return {@code false} once closed: the work must not run; otherwise pair it with {@link #exit()} */
    public synchronized boolean enter() {
        if (closed) {
            return false;
        }
        running++;
        return true;
    }

    /** Ends work that {@link #enter() entered}. */
    public synchronized void exit() {
        if (--running == 0) {
            notifyAll();
        }
    }

    /**
     * Turns away what enters from now on, and waits up to {@code millis} for what runs. An interrupt
     * ends the wait early and stays set.
     *
     * @return how many still run: the caller says in its log what they are and how they end
     */
    public synchronized int close(long millis) {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            for (long left; running > 0 && (left = deadline - System.nanoTime()) > 0;) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return running;
    }
}
