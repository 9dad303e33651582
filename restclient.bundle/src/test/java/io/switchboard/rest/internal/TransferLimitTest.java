package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * max_async_transfers: the limit, the order of waiters and the slots of waiters that gave up or failed.
 * Starts run on an executor the test drains, as the starter threads would, except those that cannot
 * block and find a slot free.
 */
class TransferLimitTest {
    private final List<String> started = new ArrayList<>();
    private final ArrayDeque<Runnable> starter = new ArrayDeque<>();

    @Test
    void startsAtMostTheLimitAndTheRestInOrderAsSlotsFree() {
        TransferLimit slots = new TransferLimit(2, this::queue);
        for (String name : List.of("a", "b", "c", "d")) {
            slots.submit(() -> started.add(name), false);
        }
        drain();
        assertThat(started).containsExactly("a", "b");
        slots.release();
        drain();
        assertThat(started).containsExactly("a", "b", "c");
        slots.release();
        slots.release();
        drain();
        assertThat(started).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aWaiterThatGaveUpPassesItsSlotOn() {
        TransferLimit slots = new TransferLimit(1, this::queue);
        slots.submit(() -> started.add("running"), false);
        slots.submit(() -> false, false);
        slots.submit(() -> false, false);
        slots.submit(() -> started.add("next"), false);
        slots.release();
        drain();
        assertThat(started).containsExactly("running", "next");
        slots.submit(() -> started.add("after"), false);
        drain();
        assertThat(started).as("the slot is still taken by next").containsExactly("running", "next");
    }

    @Test
    void aLowerLimitStartsNothingUntilBelowItAndAHigherOneStartsWaitersAtOnce() {
        TransferLimit slots = new TransferLimit(2, this::queue);
        slots.submit(() -> started.add("a"), false);
        slots.submit(() -> started.add("b"), false);
        slots.submit(() -> started.add("c"), false);
        slots.limit(1);
        slots.release();
        drain();
        assertThat(started).containsExactly("a", "b");
        slots.limit(3);
        drain();
        assertThat(started).containsExactly("a", "b", "c");
    }

    /** A transfer failing at once ends inside its start: that must not start the next one inside it. */
    @Test
    void thousandsOfStartsThatFailAtOnceNeitherNestNorLoseSlots() {
        TransferLimit slots = new TransferLimit(2, this::queue);
        slots.submit(() -> started.add("slow a"), false);
        slots.submit(() -> started.add("slow b"), false);
        AtomicInteger failed = new AtomicInteger();
        int depth = Thread.currentThread().getStackTrace().length;
        AtomicInteger deepest = new AtomicInteger();
        for (int i = 0; i < 2000; i++) {
            slots.submit(() -> {
                failed.incrementAndGet();
                deepest.accumulateAndGet(Thread.currentThread().getStackTrace().length - depth, Math::max);
                slots.release();
                return true;
            }, false);
        }
        drain();
        slots.release();
        drain();
        assertThat(failed).hasValue(2000);
        assertThat(deepest.get()).as("stack frames below the test").isLessThan(20);
        slots.submit(() -> started.add("after"), false);
        slots.submit(() -> started.add("not yet"), false);
        drain();
        assertThat(started).as("slow b still holds a slot").containsExactly("slow a", "slow b", "after");
    }

    @Test
    void aStartThatThrowsGivesItsSlotBack() {
        TransferLimit slots = new TransferLimit(1, this::queue);
        slots.submit(() -> {
            throw new IllegalStateException("broken");
        }, false);
        slots.submit(() -> started.add("next"), false);
        drain();
        assertThat(started).containsExactly("next");
    }

    @Test
    void aStartThatCannotBlockRunsOnTheSubmittingThreadWhileASlotIsFreeAndWaitsLikeAnyOtherWhenNone() {
        TransferLimit slots = new TransferLimit(1, this::queue);
        slots.submit(() -> started.add("at once"), true);
        assertThat(started).containsExactly("at once");
        assertThat(starter).as("nothing handed to the executor").isEmpty();
        slots.submit(() -> started.add("waits"), true);
        assertThat(started).as("the one slot is taken").containsExactly("at once");
        slots.release();
        assertThat(started).as("a slot freed by release goes through the executor").containsExactly("at once");
        drain();
        assertThat(started).containsExactly("at once", "waits");
    }

    @Test
    void aStartThatCannotBlockAndGivesUpPassesItsSlotOnThroughTheExecutor() {
        TransferLimit slots = new TransferLimit(1, this::queue);
        slots.submit(() -> {
            slots.submit(() -> started.add("next"), true);
            return false;
        }, true);
        assertThat(started).as("not started inside the one that gave up").isEmpty();
        drain();
        assertThat(started).containsExactly("next");
    }

    private void queue(Runnable start) {
        starter.add(start);
    }

    private void drain() {
        for (Runnable start = starter.poll(); start != null; start = starter.poll()) {
            start.run();
        }
    }
}
