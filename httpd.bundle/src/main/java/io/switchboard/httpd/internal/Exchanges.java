package io.switchboard.httpd.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    private final InFlight calls = new InFlight();
    private final Set<JettyResponse> open = ConcurrentHashMap.newKeySet();
    private volatile boolean abandoned;

    /**
     * Runs {@code call} as one of this handler's, unless the handler has left.
     *
     * @return {@code false} when the handler has left and {@code call} did not run
     */
    boolean run(Runnable call) {
        if (!calls.enter()) {
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
            calls.exit();
        }
        return true;
    }

    /**
     * Refuses new calls and waits until the running ones have returned, or {@code deadlineNanos}
     * passed. A call on the current thread is not waited for.
     *
     * @return {@code true} when no call of another thread still runs
     */
    boolean leave(long deadlineNanos) throws InterruptedException {
        return calls.leave(deadlineNanos, CURRENT.get() == this ? 1 : 0);
    }

    /**
     * Waits until every deferred response is complete, or {@code deadlineNanos} passed.
     *
     * @return {@code true} when none is open any more
     */
    synchronized boolean awaitCompleted(long deadlineNanos) throws InterruptedException {
        for (long wait = InFlight.millisUntil(deadlineNanos); !open.isEmpty() && wait > 0;
                wait = InFlight.millisUntil(deadlineNanos)) {
            wait(wait);
        }
        return open.isEmpty();
    }

    /** @return {@code false} when the handler has been abandoned: the caller answers for it */
    boolean opened(JettyResponse response) {
        open.add(response);
        if (abandoned) {
            open.remove(response);
            return false;
        }
        return true;
    }

    void closed(JettyResponse response) {
        if (open.remove(response) && open.isEmpty()) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Fails every deferred response still open, on the server's pool: the handler that would complete
     * it is gone, and the caller must not wait on a handler thread stuck in a write, which holds the
     * lock an answer needs.
     */
    void abandon(String reason) {
        abandoned = true;
        open.forEach(response -> response.pool().execute(() -> response.answer(503, reason, false)));
        open.clear();
    }

    /**
     * Fails every deferred response still open, here and now, as httpd does when it stops (nothing of
     * it may run after): with 503 when its handler is not in the middle of a write, else by aborting it.
     */
    void abandonNow(String reason) {
        abandoned = true;
        open.forEach(response -> response.answerWithoutWaiting(503, reason));
        open.clear();
    }
}
