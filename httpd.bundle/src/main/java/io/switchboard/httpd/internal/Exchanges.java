package io.switchboard.httpd.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one root handler has under way: calls of its {@code handle} still running and deferred
 * responses still open. When the handler leaves, new calls are refused (the request waits for the
 * next handler instead) and its departure waits for the running calls, so that a bundle stopping
 * does not take away what they use while they still run.
 */
final class Exchanges {
    /** The handler whose {@code handle} the current thread runs, so a handler leaving from within its own call does not wait for itself. */
    private static final ThreadLocal<Exchanges[]> CURRENT = ThreadLocal.withInitial(() -> new Exchanges[1]);

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
        Exchanges[] current = CURRENT.get();
        Exchanges outer = current[0];
        current[0] = this;
        try {
            call.run();
        } finally {
            current[0] = outer;
            exit();
        }
        return true;
    }

    private void exit() {
        if (running.decrementAndGet() == 0 && left) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Refuses new calls and waits until the running ones have returned, or {@code timeoutMillis}
     * passed. A call on the current thread is not waited for.
     *
     * @return {@code true} when no call of another thread still runs
     */
    boolean leave(long timeoutMillis) throws InterruptedException {
        left = true;
        int mine = CURRENT.get()[0] == this ? 1 : 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (this) {
            for (long wait = timeoutMillis; running.get() > mine && wait > 0;
                    wait = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                wait(wait);
            }
        }
        return running.get() <= mine;
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
        open.remove(exchange);
    }

    /** Fails every deferred response still open: the handler that would complete it is gone. */
    void abandon(String reason) {
        abandoned = true;
        for (JettyExchange exchange : open) {
            exchange.abandonOnPool(503, reason);
        }
        open.clear();
    }
}
