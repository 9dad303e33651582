package io.switchboard.rest.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code max_async_transfers}: at most that many transfers run at once, across every client (each TLS
 * domain's and those a configuration change is retiring). Further ones wait in line, first come first
 * served; a waiter whose {@code curl_timeout} passes leaves the line without ever starting. HTTP/2
 * multiplexes, so the connection pool's size alone would not bound transfers: this does.
 */
final class TransferSlots {
    private final ArrayDeque<BooleanSupplier> waiting = new ArrayDeque<>();
    private int limit;
    private int running;

    TransferSlots(int limit) {
        this.limit = limit;
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
     * Runs {@code start} now if a slot is free, else when one frees up. {@code start} answers whether
     * it took the slot: false when its request gave up meanwhile.
     */
    void submit(BooleanSupplier start) {
        synchronized (this) {
            if (running >= limit || !waiting.isEmpty()) {
                waiting.add(start);
                return;
            }
            running++;
        }
        run(List.of(start));
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

    /**
     * Outside the lock: a start hands its request to HttpClient. A slot a start declined goes to the
     * next waiter in this loop, not by recursion: a thousand timed-out waiters may be skipped at once.
     */
    private void run(List<BooleanSupplier> starts) {
        ArrayDeque<BooleanSupplier> todo = new ArrayDeque<>(starts);
        while (!todo.isEmpty()) {
            if (!todo.poll().getAsBoolean()) {
                synchronized (this) {
                    running--;
                    todo.addAll(admit());
                }
            }
        }
    }
}
