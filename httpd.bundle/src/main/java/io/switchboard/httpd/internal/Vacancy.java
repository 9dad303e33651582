package io.switchboard.httpd.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A root whose handler left moments ago: requests for it wait, holding no thread, for the next
 * handler of the root, until the vacancy ends (a handler came, or the swap hold passed). Then
 * each is routed again.
 */
final class Vacancy {
    /** Guarded by {@code this}. */
    private final List<Runnable> waiting = new ArrayList<>();
    /** Guarded by {@code this}. */
    private boolean ended;

    /**
     * @param routeAgain routes the request again once the vacancy ends
     * @return {@code false} when the vacancy has already ended: the caller routes the request now
     */
    synchronized boolean hold(Runnable routeAgain) {
        if (ended) {
            return false;
        }
        waiting.add(routeAgain);
        return true;
    }

    /** Ends the vacancy and routes every request that waited again. */
    void end() {
        List<Runnable> released;
        synchronized (this) {
            ended = true;
            released = List.copyOf(waiting);
            waiting.clear();
        }
        released.forEach(Runnable::run);
    }
}
