package io.switchboard.mihttp.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls one command service is running. When the service leaves, it takes no new call (the caller
 * waits for the next command of the name instead) and its departure waits for the running ones, so that
 * a bundle stopping does not take away what they use (the REST client under {@code rest_get}) while
 * they still run.
 */
final class CommandCalls {
    /**
     * The calls the current thread runs, so that a command whose call makes it leave does not wait for
     * itself. Restored after each call, and removed after the outermost: the server's threads outlive
     * this bundle.
     */
    private static final ThreadLocal<CommandCalls> CURRENT = new ThreadLocal<>();

    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean left;

    /** @return the calls the current thread runs, to give back to {@link #exit} */
    static CommandCalls current() {
        return CURRENT.get();
    }

    /** @return {@code false} when the command has left: the caller looks for its successor */
    boolean enter() {
        running.incrementAndGet();
        if (left) {
            running.decrementAndGet();
            wake();
            return false;
        }
        CURRENT.set(this);
        return true;
    }

    /** Ends a call {@link #enter} let in; {@code outer} is what {@link #current} said before it. */
    void exit(CommandCalls outer) {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
        running.decrementAndGet();
        wake();
    }

    private void wake() {
        if (left) {
            // Every exit, not only the last: a departure may wait for all but its own thread's.
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Takes no new call and waits until the running ones have returned, or {@code timeoutMillis} passed.
     *
     * @return {@code true} when no call of another thread still runs
     */
    synchronized boolean leave(long timeoutMillis) throws InterruptedException {
        left = true;
        int mine = CURRENT.get() == this ? 1 : 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (long wait = timeoutMillis; running.get() > mine && wait > 0;
                wait = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
            wait(wait);
        }
        return running.get() <= mine;
    }
}
