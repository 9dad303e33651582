package io.switchboard.httpd.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * What one root handler has under way: calls of its {@code handle} still running and deferred
 * responses still open. When the handler leaves, new calls are refused (the request waits for the
 * next handler instead) and its departure waits for the running calls, so that a bundle stopping
 * does not take away what they use while they still run.
 */
final class Exchanges {
    /**
     * The handler whose {@code handle} the current thread runs, so that a handler leaving from within
     * its own call does not wait for itself. Removed after each call: the server's threads outlive
     * this bundle, and a value left in them would keep its class loader.
     */
    private static final ThreadLocal<Exchanges> CURRENT = new ThreadLocal<>();

    private final AtomicInteger running = new AtomicInteger();
    private final Set<JettyExchange> open = ConcurrentHashMap.newKeySet();
    private volatile boolean left;
    private volatile boolean abandoned;

    /**
     * Runs {@code call} as one of this handler's, unless the handler has left.
     *
     * @return {@code false} when the handler has left and {@code call} did not run
     */
    boolean run(Runnable call) {
        running.incrementAndGet();
        if (left) {
            exit();
            return false;
        }
        Exchanges outer = CURRENT.get();
        CURRENT.set(this);
        try {
            call.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
            exit();
        }
        return true;
    }

    private void exit() {
        if (running.decrementAndGet() == 0 && left) {
            wake();
        }
    }

    /**
     * Refuses new calls and waits until the running ones have returned, or the time left before
     * {@code deadlineNanos} passed. A call on the current thread is not waited for.
     *
     * @return {@code true} when no call of another thread still runs
     */
    boolean leave(long deadlineNanos) throws InterruptedException {
        left = true;
        int mine = CURRENT.get() == this ? 1 : 0;
        return await(() -> running.get() <= mine, deadlineNanos);
    }

    /**
     * Waits until every deferred response is complete, or the time left before {@code deadlineNanos} passed.
     *
     * @return {@code true} when none is open any more
     */
    boolean awaitCompleted(long deadlineNanos) throws InterruptedException {
        return await(open::isEmpty, deadlineNanos);
    }

    private synchronized boolean await(BooleanSupplier done, long deadlineNanos) throws InterruptedException {
        for (long wait = remainingMillis(deadlineNanos); !done.getAsBoolean() && wait > 0;
                wait = remainingMillis(deadlineNanos)) {
            wait(wait);
        }
        return done.getAsBoolean();
    }

    private static long remainingMillis(long deadlineNanos) {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }

    private synchronized void wake() {
        notifyAll();
    }

    /** @return {@code false} when the handler has been abandoned: the caller answers for it */
    boolean opened(JettyExchange exchange) {
        open.add(exchange);
        if (abandoned) {
            open.remove(exchange);
            return false;
        }
        return true;
    }

    void closed(JettyExchange exchange) {
        if (open.remove(exchange) && left && open.isEmpty()) {
            wake();
        }
    }

    /**
     * Fails every deferred response still open: the handler that would complete it is gone.
     *
     * @param here whether to write the failures on this thread, as httpd does when it stops (nothing of
     *        it may run after), rather than on the server's pool (the caller must not wait on a write)
     */
    void abandon(String reason, boolean here) {
        abandoned = true;
        for (JettyExchange exchange : open) {
            if (here) {
                exchange.abandon(503, reason);
            } else {
                exchange.abandonOnPool(503, reason);
            }
        }
        open.clear();
    }
}
