package io.switchboard.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

class DrainHoldTest {
    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final Hands clock = new Hands();
    private final DrainHold hold = new DrainHold(clock);

    @Test
    void withoutAHoldTheCheckIsOk() {
        assertThat(hold.execute().getStatus()).isEqualTo(Result.Status.OK);
        assertThat(hold.release()).isEmpty();
    }

    @Test
    void aHoldIsTemporarilyUnavailableWithItsReasonUntilItsTimeIsUp() {
        DrainHold.Hold held = hold.hold(Duration.ofSeconds(90), "upgrade");
        assertThat(held.until()).isEqualTo(Instant.parse("2026-01-01T10:01:30Z"));
        Result result = hold.execute();
        assertThat(result.getStatus()).isEqualTo(Result.Status.TEMPORARILY_UNAVAILABLE);
        assertThat(result.toString()).contains("until 2026-01-01T10:01:30Z (90 s left): upgrade");
        clock.now = clock.now.plusMillis(89_001);
        assertThat(hold.execute().toString()).contains("(1 s left)");
        clock.now = clock.now.plusMillis(999);
        assertThat(hold.execute().getStatus()).isEqualTo(Result.Status.OK);
        assertThat(hold.current()).isEmpty();
    }

    @Test
    void releaseEndsTheHoldAndSaysWhichItWas() {
        hold.hold(Duration.ofSeconds(60), "swap");
        clock.now = clock.now.plusSeconds(20);
        assertThat(hold.release()).hasValueSatisfying(ended -> {
            assertThat(ended.reason()).isEqualTo("swap");
            assertThat(ended.tree(clock.now)).containsEntry("seconds_left", 40L);
        });
        assertThat(hold.execute().getStatus()).isEqualTo(Result.Status.OK);
    }

    @Test
    void aSecondHoldReplacesTheFirst() {
        hold.hold(Duration.ofSeconds(600), "long");
        hold.hold(Duration.ofSeconds(5), "short");
        clock.now = clock.now.plusSeconds(5);
        assertThat(hold.execute().getStatus()).isEqualTo(Result.Status.OK);
    }
}
