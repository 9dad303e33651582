package io.switchboard.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CoalescedRunsTest {
    /** Runs nothing until told: the test decides when each run happens. */
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor manual = queued::add;
    private final AtomicInteger runs = new AtomicInteger();
    private final CoalescedRuns<Integer> coalesced = new CoalescedRuns<>(runs::incrementAndGet, manual);

    private void runNext() {
        queued.remove(0).run();
    }

    @Test
    void aRequestWithNothingUnderWayStartsARun() throws Exception {
        CompletableFuture<Integer> first = coalesced.request();
        assertThat(queued).hasSize(1);
        runNext();
        assertThat(first.get()).isEqualTo(1);
    }

    @Test
    void requestsDuringARunShareTheNextRunAndNoneGetsTheRunTheyMissed() throws Exception {
        CompletableFuture<Integer> first = coalesced.request();
        CompletableFuture<Integer> second = coalesced.request();
        CompletableFuture<Integer> third = coalesced.request();
        assertThat(second).isSameAs(third);
        assertThat(queued).hasSize(1);
        runNext();
        assertThat(first.get()).isEqualTo(1);
        assertThat(second).isNotDone();
        // The next run started as the first ended.
        assertThat(queued).hasSize(1);
        runNext();
        assertThat(second.get()).isEqualTo(2);
        assertThat(queued).isEmpty();
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void aFailedRunFailsItsRequestsAndTheNextRunStillHappens() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CoalescedRuns<Integer> failing = new CoalescedRuns<>(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("broken");
            }
            return calls.get();
        }, manual);
        CompletableFuture<Integer> first = failing.request();
        CompletableFuture<Integer> second = failing.request();
        runNext();
        assertThatThrownBy(first::get).isInstanceOf(ExecutionException.class).hasMessageContaining("broken");
        runNext();
        assertThat(second.get()).isEqualTo(2);
    }

    @Test
    void aClosedExecutorFailsTheRequest() {
        CoalescedRuns<Integer> closed = new CoalescedRuns<>(runs::incrementAndGet, command -> {
            throw new RejectedExecutionException("shut down");
        });
        assertThatThrownBy(() -> closed.request().get()).hasCauseInstanceOf(RejectedExecutionException.class);
        // Nothing is left under way: the next request tries again.
        assertThatThrownBy(() -> closed.request().get()).hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(runs.get()).isZero();
    }
}
