package io.switchboard.support.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class GateTest {
    @Test
    void anOpenGateLetsWorkInAndAClosedOneTurnsItAway() {
        Gate gate = new Gate();
        assertThat(gate.enter()).isTrue();
        gate.exit();
        assertThat(gate.close(0)).isZero();
        assertThat(gate.enter()).isFalse();
    }

    @Test
    void closingWaitsForWhatRunsUntilItExits() throws Exception {
        Gate gate = new Gate();
        assertThat(gate.enter()).isTrue();
        CompletableFuture<Integer> closed = CompletableFuture.supplyAsync(() -> gate.close(TimeUnit.MINUTES.toMillis(1)));
        // Entering fails once close() has begun; with one still running it then waits for it.
        while (gate.enter()) {
            gate.exit();
            Thread.onSpinWait();
        }
        assertThat(closed).isNotDone();
        gate.exit();
        assertThat(closed.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(gate.enter()).isFalse();
    }

    @Test
    void closingGivesUpAfterItsBoundAndTellsWhatStillRuns() {
        Gate gate = new Gate();
        assertThat(gate.enter()).isTrue();
        assertThat(gate.enter()).isTrue();
        gate.exit();
        assertThat(gate.close(1)).isEqualTo(1);
    }

    @Test
    void anInterruptedCloseReturnsAtOnceAndKeepsTheInterrupt() {
        Gate gate = new Gate();
        assertThat(gate.enter()).isTrue();
        Thread.currentThread().interrupt();
        try {
            assertThat(gate.close(TimeUnit.MINUTES.toMillis(1))).isEqualTo(1);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
