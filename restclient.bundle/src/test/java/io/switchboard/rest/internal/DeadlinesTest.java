package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/**
 * The curl_timeout sweep: what is due when, removal, a sweep that survives a failing expiry, and the
 * wait for none left when the service stops. The clock is the test's; each sweep runs when the test
 * calls it, as the timer would.
 */
class DeadlinesTest {
    private long now = 5_000_000_000L;
    private final Deadlines deadlines = new Deadlines(() -> now);
    private final List<String> expired = new ArrayList<>();

    @Test
    void eachRequestExpiresAtItsOwnDeadlineWhateverTheOrderItCameIn() {
        long start = now;
        Request slow = add("slow", 300);
        Request quick = add("quick", 100);
        Request middle = add("middle", 200);

        sweepAt(start + millis(99));
        assertThat(expired).isEmpty();
        sweepAt(start + millis(100));
        assertThat(expired).as("due at its deadline, not only past it").containsExactly("quick");
        sweepAt(start + millis(299));
        assertThat(expired).containsExactly("quick", "middle");
        sweepAt(start + millis(300));
        assertThat(expired).containsExactly("quick", "middle", "slow");
        assertThat(List.of(slow, quick, middle)).allMatch(request -> request.expiries == 1);
    }

    @Test
    void aDeadlineRemovedBeforeItComesNeverFires() {
        Request ended = add("ended", 100);
        add("other", 100);
        deadlines.remove(ended);
        sweepAt(now + millis(1000));
        assertThat(expired).containsExactly("other");
        assertThat(ended.aborted).isNull();
    }

    /** A running transfer leaves only once HttpClient tells its cancellation: until then each sweep asks again. */
    @Test
    void aRequestStillThereIsExpiredAgainBySweepsUntilItIsRemoved() {
        Request running = add("running", 100);
        running.leavesOnExpiry = false;
        sweepAt(now + millis(100));
        sweepAt(now + millis(10));
        assertThat(running.expiries).isEqualTo(2);
        deadlines.remove(running);
        sweepAt(now + millis(10));
        assertThat(running.expiries).isEqualTo(2);
        assertThat(deadlines.size()).isZero();
    }

    /** nanoTime may be near its end and wrap: a deadline past the wrap is still in the future. */
    @Test
    void deadlinesHoldAcrossTheWrapOfNanoTime() {
        now = Long.MAX_VALUE - millis(50);
        Request request = add("wrapping", 100);
        assertThat(request.deadline).as("the deadline wrapped").isNegative();
        assertThat(deadlines.due(request)).isFalse();
        sweepAt(now + millis(99));
        assertThat(expired).isEmpty();
        sweepAt(now + millis(1));
        assertThat(expired).containsExactly("wrapping");
    }

    @Test
    void dueTellsAStartWhetherItsDeadlineHasCome() {
        Request request = add("waiting", 100);
        now += millis(99);
        assertThat(deadlines.due(request)).isFalse();
        now += millis(1);
        assertThat(deadlines.due(request)).isTrue();
        assertThat(expired).as("due() only answers").isEmpty();
    }

    @Test
    void anExpiryThatThrowsIsDroppedAndTheSweepGoesOn() {
        Request broken = add("broken", 100);
        broken.failure = new IllegalStateException("broken");
        add("first", 100);
        add("second", 100);
        sweepAt(now + millis(100));
        assertThat(expired).containsExactlyInAnyOrder("broken", "first", "second");
        assertThat(deadlines.size()).as("the broken one dropped, the others left on expiry").isZero();
        sweepAt(now + millis(10));
        assertThat(broken.expiries).isEqualTo(1);
    }

    @Test
    void abortAllFailsEveryRequestStillThere() {
        Request one = add("one", 100);
        Request two = add("two", 20_000);
        Request ended = add("ended", 100);
        deadlines.remove(ended);
        deadlines.abortAll("stopping");
        assertThat(one.aborted).isEqualTo("stopping");
        assertThat(two.aborted).isEqualTo("stopping");
        assertThat(ended.aborted).isNull();
        assertThat(expired).isEmpty();
    }

    /** The service stopping waits for the requests under way: the sweep that sees the last one gone tells it. */
    @Test
    void noneLeftIsToldByTheSweepThatFindsTheLastRequestGone() {
        assertThat(deadlines.noneLeft()).as("none under way").isDone();
        Request running = add("running", 100);
        running.leavesOnExpiry = false;
        CompletableFuture<Void> drained = deadlines.noneLeft();
        sweepAt(now + millis(100));
        assertThat(drained).isNotDone();
        deadlines.remove(running);
        assertThat(drained).as("until a sweep sees it").isNotDone();
        deadlines.sweep();
        assertThat(drained).isDone();
    }

    @Test
    void awaitNoneLeftReturnsAtOnceWhenNoneIsUnderWayAndAfterItsTimeoutOtherwise() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> deadlines.awaitNoneLeft(Duration.ofDays(1)));
        add("stuck", 100);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> deadlines.awaitNoneLeft(Duration.ZERO));
        assertThat(deadlines.size()).isEqualTo(1);
    }

    private Request add(String name, long timeoutMillis) {
        Request request = new Request(name, deadlines.after(Duration.ofMillis(timeoutMillis)));
        deadlines.add(request);
        return request;
    }

    private void sweepAt(long nanoTime) {
        now = nanoTime;
        deadlines.sweep();
    }

    private static long millis(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }

    /** Leaves on its expiry as a transfer still waiting for a slot does, unless told otherwise. */
    private final class Request implements Deadlines.Timed {
        final String name;
        final long deadline;
        boolean leavesOnExpiry = true;
        RuntimeException failure;
        int expiries;
        String aborted;

        Request(String name, long deadline) {
            this.name = name;
            this.deadline = deadline;
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public void expire() {
            expiries++;
            expired.add(name);
            if (failure != null) {
                throw failure;
            }
            if (leavesOnExpiry) {
                deadlines.remove(this);
            }
        }

        @Override
        public void abort(String why) {
            aborted = why;
        }
    }
}
