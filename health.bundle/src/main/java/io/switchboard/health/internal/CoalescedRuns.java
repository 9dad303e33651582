package io.switchboard.health.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs a task for whoever asks, at most one run at a time and one waiting: a request that arrives
 * while a run is under way gets the next run, which starts when that one ends and serves everyone
 * who arrived meanwhile. So a flood of {@code /health} requests costs one run of the checks at a time,
 * and no answer predates its request (a hold set before the request always shows).
 */
final class CoalescedRuns<T> {
    private final Supplier<T> task;
    private final Executor executor;
    private CompletableFuture<T> running;
    private CompletableFuture<T> next;

    CoalescedRuns(Supplier<T> task, Executor executor) {
        this.task = task;
        this.executor = executor;
    }

    /** @return the result of a run that starts after this call */
    synchronized CompletableFuture<T> request() {
        if (running == null) {
            CompletableFuture<T> now = new CompletableFuture<>();
            running = now;
            start(now);
            return now;
        }
        if (next == null) {
            next = new CompletableFuture<>();
        }
        return next;
    }

    private void start(CompletableFuture<T> result) {
        try {
            executor.execute(() -> {
                try {
                    result.complete(task.get());
                } catch (RuntimeException | Error failed) {
                    result.completeExceptionally(failed);
                } finally {
                    finished();
                }
            });
        } catch (RejectedExecutionException closed) {
            result.completeExceptionally(closed);
            finished();
        }
    }

    private void finished() {
        CompletableFuture<T> waiting;
        synchronized (this) {
            waiting = next;
            next = null;
            running = waiting;
        }
        if (waiting != null) {
            start(waiting);
        }
    }
}
