package io.switchboard.itest.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Threads calling one body in a loop until stopped; {@link #stop()} rethrows the first failure. */
final class ConcurrentCalls {
    interface Call {
        void run() throws Exception;
    }

    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Future<?>> loops = new ArrayList<>();

    ConcurrentCalls(int count, Call call) {
        threads = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            loops.add(threads.submit(() -> {
                while (running.get()) {
                    call.run();
                }
                return null;
            }));
        }
    }

    void stop() throws Exception {
        running.set(false);
        try {
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
