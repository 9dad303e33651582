package io.switchboard.app;

import java.time.Duration;
import java.util.concurrent.Callable;

/** A bounded wait for a fact, looked at every 20 ms: the waits of tests on something other than a container. */
final class Facts {
    private static final long POLL_MILLIS = 20;

    private Facts() {
    }

    /** Asks {@code fact} until it holds; fails after {@code timeout}, with the last exception it threw. */
    static void await(String what, Duration timeout, Callable<Boolean> fact) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(fact.call())) {
                    return;
                }
            } catch (Exception notYet) {
                last = notYet;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError("no " + what + " within " + timeout + (last == null ? "" : " (last: " + last + ")"));
    }
}
