package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** max_async_transfers: the limit, the order of waiters and the slots of waiters that gave up. */
class TransferSlotsTest {
    private final List<String> started = new ArrayList<>();

    @Test
    void startsAtMostTheLimitAndTheRestInOrderAsSlotsFree() {
        TransferSlots slots = new TransferSlots(2);
        for (String name : List.of("a", "b", "c", "d")) {
            slots.submit(() -> started.add(name));
        }
        assertThat(started).containsExactly("a", "b");
        slots.release();
        assertThat(started).containsExactly("a", "b", "c");
        slots.release();
        slots.release();
        assertThat(started).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aWaiterThatGaveUpPassesItsSlotOn() {
        TransferSlots slots = new TransferSlots(1);
        slots.submit(() -> started.add("running"));
        slots.submit(() -> false);
        slots.submit(() -> false);
        slots.submit(() -> started.add("next"));
        slots.release();
        assertThat(started).containsExactly("running", "next");
        slots.submit(() -> started.add("after"));
        assertThat(started).as("the slot is still taken by next").containsExactly("running", "next");
    }

    @Test
    void aLowerLimitStartsNothingUntilBelowItAndAHigherOneStartsWaitersAtOnce() {
        TransferSlots slots = new TransferSlots(2);
        slots.submit(() -> started.add("a"));
        slots.submit(() -> started.add("b"));
        slots.submit(() -> started.add("c"));
        slots.limit(1);
        slots.release();
        assertThat(started).containsExactly("a", "b");
        slots.limit(3);
        assertThat(started).containsExactly("a", "b", "c");
    }
}
