package io.switchboard.mihttp.internal;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the requests the MI serves after their body arrived, on threads that are not its own, so
 * that closing the MI can wait for them and turn away those that come after: nothing of a closed MI
 * runs.
 */
final class Latecomers {
    private static final Logger LOG = LoggerFactory.getLogger(Latecomers.class);
    private int running;
    private boolean closed;

    /** @return {@code false} once closed: the request must not be served */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        running++;
        return true;
    }

    synchronized void exit() {
        if (--running == 0) {
            notifyAll();
        }
    }

    /** Turns away what comes from now on, and waits up to {@code millis} for what runs. */
    synchronized void close(long millis) {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            for (long left; running > 0 && (left = deadline - System.nanoTime()) > 0;) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (running > 0) {
            LOG.warn("mi_http closing: {} requests whose body came late still run; they end with their command",
                    running);
        }
    }
}
