package io.switchboard.rest.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code curl_timeout} of every request under way, checked every {@value #SWEEP_MILLIS} ms by one
 * sweep over them. A timer task per request cost a lock, a heap insertion and often a wake-up of the
 * timer thread for each request, and showed in the benchmark; adding to and removing from this set
 * costs neither, and a sweep over the requests in flight (at most a few thousand) is cheap.
 */
final class Deadlines {
    private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);
    static final long SWEEP_MILLIS = 10;

    private final Set<Transfer> pending = ConcurrentHashMap.newKeySet();

    Deadlines(ScheduledExecutorService timer) {
        timer.scheduleAtFixedRate(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    void add(Transfer transfer) {
        pending.add(transfer);
    }

    void remove(Transfer transfer) {
        pending.remove(transfer);
    }

    /** Waits until no request is under way any more, or {@code timeout} passed. */
    void awaitNoneLeft(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(SWEEP_MILLIS);
        }
    }

    /** Fails every request still under way with {@code why}. */
    void abortAll(String why) {
        pending.forEach(transfer -> transfer.abort(why));
    }

    /** Never throws: a periodic task that throws is never run again, and no timeout would fire after. */
    private void sweep() {
        long now = System.nanoTime();
        for (Transfer transfer : pending) {
            try {
                if (transfer.dueBy(now)) {
                    transfer.expire();
                }
            } catch (Throwable failure) {
                // dropped, or it would fail again every sweep; a blocking caller's own backstop still ends it
                pending.remove(transfer);
                LOG.error("expiring a REST request failed; the sweep goes on", failure);
            }
        }
    }
}
