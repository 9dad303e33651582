package io.switchboard.health.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drain hold: while it lasts, this check is TEMPORARILY_UNAVAILABLE, so {@code /health} answers
 * 503 and a load balancer sends this instance no more requests, while the instance itself serves on.
 * An operator (or a script) holds before a swap and releases after it; a hold ends by itself when
 * its time is up, so a script that dies midway cannot keep an instance out for good. It lives in
 * memory: a restart, or an update of this bundle, ends it.
 */
@Component(service = { HealthCheck.class, DrainHold.class })
@SwitchboardCheck(name = "hold")
public final class DrainHold implements HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DrainHold.class);

    /** One hold: from when, until when, and why, as the operator said it. */
    record Hold(Instant since, Instant until, String reason) {
        Map<String, Object> tree(Instant now) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("since", since.toString());
            tree.put("until", until.toString());
            tree.put("seconds_left", secondsLeft(now));
            tree.put("reason", reason);
            return tree;
        }

        /** @return the seconds left at {@code now}, rounded up: 1 until the very end */
        long secondsLeft(Instant now) {
            long millis = Duration.between(now, until).toMillis();
            return millis <= 0 ? 0 : (millis + 999) / 1000;
        }
    }

    private final Clock clock;
    private final AtomicReference<Hold> hold = new AtomicReference<>();

    public DrainHold() {
        this(Clock.systemUTC());
    }

    DrainHold(Clock clock) {
        this.clock = clock;
    }

    /** Holds for {@code length} from now, replacing any hold there was. */
    Hold hold(Duration length, String reason) {
        Instant now = now();
        Hold next = new Hold(now, now.plus(length), reason);
        hold.set(next);
        LOG.info("health: drain hold until {} ({} s): {}; /health answers 503 until then or health_release",
                next.until(), length.toSeconds(), reason);
        return next;
    }

    /** @return the hold that was in force, now ended */
    Optional<Hold> release() {
        Optional<Hold> ended = current();
        hold.set(null);
        ended.ifPresent(previous -> LOG.info("health: drain hold released ({})", previous.reason()));
        return ended;
    }

    /** @return the hold in force; one whose time is up is ended here */
    Optional<Hold> current() {
        Hold held = hold.get();
        if (held != null && !now().isBefore(held.until())) {
            if (hold.compareAndSet(held, null)) {
                LOG.info("health: drain hold ended at {} ({})", held.until(), held.reason());
            }
            return Optional.empty();
        }
        return Optional.ofNullable(held);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public Result execute() {
        Optional<Hold> held = current();
        if (held.isEmpty()) {
            return new Result(Result.Status.OK, "not held");
        }
        Hold in = held.get();
        return new Result(Result.Status.TEMPORARILY_UNAVAILABLE, "held for draining until " + in.until() + " ("
                + in.secondsLeft(now()) + " s left): " + in.reason());
    }
}
