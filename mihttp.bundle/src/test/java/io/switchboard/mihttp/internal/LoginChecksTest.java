package io.switchboard.mihttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The login queue is bounded, and closing answers what waits and leaves no thread behind. */
class LoginChecksTest {

    /** A thread that hashes half its time rests after each hash as long as the hash took. */
    @Test
    void aHashingThreadRestsToKeepItsShareOfTheProcessor() throws Exception {
        LoginChecks checks = new LoginChecks(1, 0.5, () -> 2);
        long[] firstEnded = new long[1];
        long[] secondStarted = new long[1];
        CountDownLatch done = new CountDownLatch(2);
        assertThat(checks.check(login(() -> {
            long start = System.nanoTime();
            while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(100)) {
                Thread.onSpinWait(); // a hash: 100 ms of work
            }
            firstEnded[0] = System.nanoTime();
            done.countDown();
        }, done))).isTrue();
        assertThat(checks.check(login(() -> {
            secondStarted[0] = System.nanoTime();
            done.countDown();
        }, done))).isTrue();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        checks.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(secondStarted[0] - firstEnded[0])).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aFullQueueRefusesAndClosingDropsWhatWaitsAndStopsEveryThread() throws Exception {
        LoginChecks checks = new LoginChecks(1, 1, () -> 2);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch bothDropped = new CountDownLatch(2);
        assertThat(checks.check(login(() -> {
            running.countDown();
            await(release);
            ran.incrementAndGet();
        }, bothDropped))).isTrue();
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(checks.check(login(ran::incrementAndGet, bothDropped))).isTrue();
        assertThat(checks.check(login(ran::incrementAndGet, bothDropped))).isTrue();
        assertThat(checks.check(login(ran::incrementAndGet, bothDropped))).as("two wait already").isFalse();

        Thread closing = new Thread(checks::close);
        closing.start();
        // The queued two are answered once the close's grace is over, while the first still hashes.
        assertThat(bothDropped.await(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        closing.join(15_000);
        assertThat(closing.isAlive()).isFalse();
        assertThat(ran.get()).isEqualTo(1);
        assertThat(checks.check(login(ran::incrementAndGet, bothDropped))).as("closed").isFalse();
        // A pool counts as terminated while its last thread still returns from its run(): give it that moment.
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("switchboard-mihttp-")) {
                thread.join(5_000);
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().startsWith("switchboard-mihttp-"));
    }

    private static LoginChecks.Login login(Runnable work, CountDownLatch dropped) {
        return new LoginChecks.Login() {
            @Override
            public void run() {
                work.run();
            }

            @Override
            public void drop() {
                dropped.countDown();
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
