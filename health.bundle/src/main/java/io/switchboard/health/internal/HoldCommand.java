package io.switchboard.health.internal;

import java.time.Duration;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code health:hold} (alias {@code health_hold}): drains this instance. {@code /health} answers 503
 * for {@code seconds} (1 to 86400), or until {@code health_release}; the {@code reason} shows in its
 * answer. A second hold replaces the first. Answers the hold: {@code since}, {@code until},
 * {@code seconds_left}, {@code reason}.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "health:hold", alias = "health_hold", params = "seconds", params_optional = "reason",
        admin = true, description = "Makes /health answer 503 for that many seconds, or until health_release, "
                + "so that load balancers drain this instance")
public final class HoldCommand implements MiCommand {
    static final long MAX_SECONDS = 86_400;
    static final int MAX_REASON = 200;

    private final DrainHold hold;

    @Activate
    public HoldCommand(@Reference DrainHold hold) {
        this.hold = hold;
    }

    @Override
    public Map<String, Object> execute(MiParams params) throws MiException {
        long seconds = params.integer("seconds");
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw MiException.invalidParams("parameter 'seconds' must be 1 to " + MAX_SECONDS + ", not " + seconds);
        }
        String reason = params.optionalString("reason").map(String::strip).filter(text -> !text.isEmpty())
                .orElse("drain");
        // The reason is shown to whoever asks /health: one short line.
        if (reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
            throw MiException.invalidParams("parameter 'reason' must be one line of at most " + MAX_REASON
                    + " characters");
        }
        DrainHold.Hold held = hold.hold(Duration.ofSeconds(seconds), reason);
        return held.tree(held.since());
    }
}
