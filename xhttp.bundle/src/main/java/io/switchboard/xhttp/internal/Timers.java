package io.switchboard.xhttp.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The reply and body timers of a module. */
final class Timers {
    /** How long a module stopping gives the events that wait for their reply. */
    static final long DRAIN_MILLIS = 2000;
    /** The longest {@code body_timeout}: an hour is already far past any body a client means to send. */
    static final int MAX_BODY_TIMEOUT_MILLIS = 3_600_000;

    private Timers() {
    }

    /** Stops {@code timer} and waits for the task it runs: none may run once the bundle has stopped. */
    static void stop(ScheduledExecutorService timer) throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** @return one thread that forgets a cancelled timer at once, rather than when it would have fired */
    static ScheduledExecutorService create(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> new Thread(runnable, name));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
