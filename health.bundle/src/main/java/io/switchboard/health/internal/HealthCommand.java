package io.switchboard.health.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code health:check} (alias {@code health}): what {@code GET /health} answers, as a result:
 * {@code overallResult} (OK or WARN where {@code /health} answers 200) and each check's results.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "health:check", alias = "health",
        description = "Runs the health checks /health runs and lists each; overallResult OK or WARN is a 200")
public final class HealthCommand implements MiCommand {
    /** Far above Felix's own bound on a run (its executor's timeout, 2 s by default). */
    private static final long WAIT_SECONDS = 30;
    static final int FAILED = 500;

    private final Health health;

    @Activate
    public HealthCommand(@Reference Health health) {
        this.health = health;
    }

    @Override
    public Object execute(MiParams params) throws MiException, InterruptedException {
        try {
            return health.report().get(WAIT_SECONDS, TimeUnit.SECONDS).tree();
        } catch (ExecutionException failed) {
            throw new MiException(FAILED, "the health checks could not run: " + failed.getCause().getMessage());
        } catch (TimeoutException slow) {
            throw new MiException(FAILED, "the health checks did not finish within " + WAIT_SECONDS + " s");
        }
    }
}
