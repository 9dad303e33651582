package io.switchboard.health.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiParams;

/**
 * {@code health:release} (alias {@code health_release}): ends the drain hold. Answers
 * {@code released}: the hold that ended ({@code since}, {@code until}, {@code seconds_left},
 * {@code reason}), or {@code null} when there was none.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "health:release", alias = "health_release", admin = true,
        description = "Ends the drain hold of health_hold: /health answers as the other checks say")
public final class ReleaseCommand implements MiCommand {
    private final DrainHold hold;

    @Activate
    public ReleaseCommand(@Reference DrainHold hold) {
        this.hold = hold;
    }

    @Override
    public Map<String, Object> execute(MiParams params) {
        Optional<DrainHold.Hold> released = hold.release();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("released", released.map(ended -> ended.tree(hold.now())).orElse(null));
        return result;
    }
}
