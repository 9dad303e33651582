package io.switchboard.xhttp.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The reply timers of a module. */
final class Timers {
    private Timers() {
    }

    /** @return one thread that forgets a cancelled timer at once, rather than when it would have fired */
    static ScheduledExecutorService create(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> new Thread(runnable, name));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
