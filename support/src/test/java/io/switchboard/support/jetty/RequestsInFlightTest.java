package io.switchboard.support.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class RequestsInFlightTest {
    private final RequestsInFlight inFlight = new RequestsInFlight();
    private final AtomicInteger completed = new AtomicInteger();
    private final Callback jettys = Callback.from(completed::incrementAndGet, failure -> completed.incrementAndGet());

    @Test
    void aShutdownWithNothingInFlightIsDrainedAtOnce() {
        assertThat(inFlight.drained()).isCompleted();
        assertThat(inFlight.describe()).isEmpty();
    }

    @Test
    void drainedCompletesOnceTheLastResponseCompletesAndJettysCallbackRunsFirst() {
        RequestsInFlight.Tracked first = inFlight.track(null, jettys);
        RequestsInFlight.Tracked second = inFlight.track(null, jettys);
        CompletableFuture<Void> drained = inFlight.drained();

        first.succeeded();
        assertThat(drained).isNotDone();
        assertThat(completed).hasValue(1);

        second.failed(new IllegalStateException("cut"));
        assertThat(drained).isCompleted();
        assertThat(completed).hasValue(2);
    }

    @Test
    void aRequestTheHandlerDidNotTakeIsCountedOutWithoutCompletingIt() {
        RequestsInFlight.Tracked declined = inFlight.track(null, jettys);
        CompletableFuture<Void> drained = inFlight.drained();

        declined.untrack();

        assertThat(drained).isCompleted();
        assertThat(completed).hasValue(0);
    }

    @Test
    void responsesCompletingBeforeTheShutdownDoNotCompleteItEarly() {
        inFlight.track(null, jettys).succeeded();
        RequestsInFlight.Tracked open = inFlight.track(null, jettys);

        CompletableFuture<Void> drained = inFlight.drained();

        assertThat(drained).isNotDone();
        open.succeeded();
        assertThat(drained).isCompleted();
    }
}
