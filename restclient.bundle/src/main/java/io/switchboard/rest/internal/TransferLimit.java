package io.switchboard.rest.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code max_async_transfers}: at most that many transfers run at once, across every client (each TLS
 * domain's and those a configuration change is retiring). Further ones wait in line, first come first
 * served; a waiter whose {@code curl_timeout} passes leaves the line without ever starting. HTTP/2
 * multiplexes, so the connection pool's size alone would not bound transfers: this does.
 * <p>
 * Starts run on their own executor, never on the thread that frees a slot. Handing a request to
 * HttpClient resolves the host name and leases a connection, which may block: on the deadline sweep or
 * an I/O thread that would make timeouts late. And a start that fails at once frees its slot at once:
 * run inline, the next start would run inside it, one stack frame deeper per waiter.
 * <p>
 * The exception is a start that cannot block (its connect needs no name lookup) submitted while a slot
 * is free: it runs on the thread that submits it, as with bare HttpClient. Handing every request to
 * another thread cost 1.2 to 1.35 times bare HttpClient's CPU per request (about 1.0 without). Should
 * it fail at once, the slot it frees still goes to the next waiter through the executor.
 */
final class TransferLimit {
    private static final Logger LOG = LoggerFactory.getLogger(TransferLimit.class);

    private final ArrayDeque<BooleanSupplier> waiting = new ArrayDeque<>();
    private final Executor starter;
    private int limit;
    private int running;

    /** @param starter runs the starts; not the caller's thread */
    TransferLimit(int limit, Executor starter) {
        this.limit = limit;
        this.starter = starter;
    }

    /** A new limit; lowering it lets running transfers finish and starts none until below it. */
    void limit(int newLimit) {
        List<BooleanSupplier> starts;
        synchronized (this) {
            limit = newLimit;
            starts = admit();
        }
        run(starts);
    }

    /**
     * Runs {@code start} as soon as a slot is free. {@code start} answers whether it took the slot:
     * false when its request gave up meanwhile.
     *
     * @param cannotBlock whether {@code start} cannot block: with a slot free and nobody waiting, it then
     *        runs on this thread rather than on the executor
     */
    void submit(BooleanSupplier start, boolean cannotBlock) {
        synchronized (this) {
            if (running >= limit || !waiting.isEmpty()) {
                waiting.add(start);
                return;
            }
            running++;
        }
        if (cannotBlock) {
            start(start);
        } else {
            run(List.of(start));
        }
    }

    /** Frees the slot of a transfer that ended. */
    void release() {
        List<BooleanSupplier> starts;
        synchronized (this) {
            running--;
            starts = admit();
        }
        run(starts);
    }

    private List<BooleanSupplier> admit() {
        List<BooleanSupplier> starts = new ArrayList<>();
        while (running < limit && !waiting.isEmpty()) {
            starts.add(waiting.poll());
            running++;
        }
        return starts;
    }

    private void run(List<BooleanSupplier> starts) {
        for (BooleanSupplier start : starts) {
            try {
                starter.execute(() -> start(start));
            } catch (RejectedExecutionException stopped) {
                // The service is going away; its deadlines end the requests still under way.
                LOG.debug("REST client stopped: a transfer was not started");
            }
        }
    }

    /** A slot a start declined, or that a failing start left behind, goes to the next waiter. */
    private void start(BooleanSupplier start) {
        boolean took = false;
        try {
            took = start.getAsBoolean();
        } catch (Throwable failure) {
            LOG.error("starting a REST transfer failed; its slot is freed", failure);
        } finally {
            if (!took) {
                release();
            }
        }
    }
}
