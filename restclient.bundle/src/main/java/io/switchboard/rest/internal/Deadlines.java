package io.switchboard.rest.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code curl_timeout} of every request under way, checked every {@value #SWEEP_MILLIS} ms by one
 * sweep over them. A timer task per request cost a lock, a heap insertion and often a wake-up of the
 * timer thread for each request, and showed in the benchmark; adding to and removing from this set
 * costs neither, and a sweep over the requests in flight (at most a few thousand) is cheap.
 * <p>
 * The time is this class's own clock, so that a deadline is set and checked on one clock.
 */
final class Deadlines {
    /** A request under way with a deadline. */
    interface Timed {
        /** @return when it is due, on the clock of {@link Deadlines#after(Duration)} */
        long deadline();

        /** Its deadline passed; called again by later sweeps until it is {@linkplain Deadlines#remove removed}. */
        void expire();

        /** Fails it with {@code why}, unless it already has its outcome. */
        void abort(String why);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);
    static final long SWEEP_MILLIS = 10;

    private final Set<Timed> pending = ConcurrentHashMap.newKeySet();
    private final LongSupplier nanoTime;
    /** What {@link #noneLeft()} handed out, for the sweep to complete; {@code null} until asked. */
    private volatile CompletableFuture<Void> drained;

    /** Sweeps on {@code timer} every {@value #SWEEP_MILLIS} ms, on {@link System#nanoTime()}. */
    Deadlines(ScheduledExecutorService timer) {
        this(System::nanoTime);
        timer.scheduleAtFixedRate(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Sweeps only when {@link #sweep()} is called, on {@code nanoTime}: for tests, which move the time. */
    Deadlines(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** @return the deadline {@code timeout} from now */
    long after(Duration timeout) {
        return nanoTime.getAsLong() + timeout.toNanos();
    }

    /** @return whether the deadline of {@code timed} has come: at it or past it */
    boolean due(Timed timed) {
        return due(timed, nanoTime.getAsLong());
    }

    void add(Timed timed) {
        pending.add(timed);
    }

    void remove(Timed timed) {
        pending.remove(timed);
    }

    /** @return how many requests are under way */
    int size() {
        return pending.size();
    }

    /**
     * @return completed by the first sweep that finds no request under way, or now if none is; one
     *         waiter at a time (the service stopping), a later call takes the place of an earlier one
     */
    CompletableFuture<Void> noneLeft() {
        CompletableFuture<Void> none = new CompletableFuture<>();
        drained = none;
        if (pending.isEmpty()) {
            none.complete(null);
        }
        return none;
    }

    /** Waits until no request is under way any more, or {@code timeout} passed. */
    void awaitNoneLeft(Duration timeout) throws InterruptedException {
        try {
            noneLeft().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            // the caller fails those left
        } catch (ExecutionException never) { // only ever completed with null
            throw new IllegalStateException(never);
        }
    }

    /** Fails every request still under way with {@code why}. */
    void abortAll(String why) {
        pending.forEach(timed -> timed.abort(why));
    }

    /**
     * Expires every request whose deadline has come. Never throws: a periodic task that throws is never
     * run again, and no timeout would fire after.
     */
    void sweep() {
        long now = nanoTime.getAsLong();
        for (Timed timed : pending) {
            try {
                if (due(timed, now)) {
                    timed.expire();
                }
            } catch (Throwable failure) {
                // dropped, or it would fail again every sweep; a blocking caller's own backstop still ends it
                pending.remove(timed);
                LOG.error("expiring a REST request failed; the sweep goes on", failure);
            }
        }
        CompletableFuture<Void> waiter = drained;
        if (waiter != null && !waiter.isDone() && pending.isEmpty()) {
            waiter.complete(null);
        }
    }

    /** Compared by difference, as {@link System#nanoTime()} asks: its values may wrap. */
    private static boolean due(Timed timed, long now) {
        return now - timed.deadline() >= 0;
    }
}
