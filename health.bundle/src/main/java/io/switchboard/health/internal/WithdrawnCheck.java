package io.switchboard.health.internal;

import java.util.Date;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckMetadata;
import org.osgi.framework.Bundle;

/**
 * A check that went away while it was run: its bundle was stopping, or is being updated. Felix's
 * executor reports it as HEALTH_CHECK_ERROR ("Service cannot be retrieved"), which a load balancer
 * would read as a broken instance (500); it is a swap under way, so it is TEMPORARILY_UNAVAILABLE (503),
 * as {@link Finding} says of a bundle between its revisions.
 */
record WithdrawnCheck(HealthCheckExecutionResult ran) implements HealthCheckExecutionResult {
    private static final int BETWEEN_REVISIONS = Bundle.STARTING | Bundle.STOPPING;

    /** @return {@code result}, or what it means when its check went away while it ran */
    static HealthCheckExecutionResult of(HealthCheckExecutionResult result) {
        if (result.getHealthCheckResult().getStatus() != Result.Status.HEALTH_CHECK_ERROR) {
            return result;
        }
        Bundle bundle = result.getHealthCheckMetadata().getServiceReference().getBundle();
        boolean withdrawn = bundle == null || (bundle.getState() & BETWEEN_REVISIONS) != 0;
        return withdrawn ? new WithdrawnCheck(result) : result;
    }

    @Override
    public Result getHealthCheckResult() {
        return new Result(Result.Status.TEMPORARILY_UNAVAILABLE,
                "the check went away while it ran: its bundle is stopping or being updated");
    }

    @Override
    public long getElapsedTimeInMs() {
        return ran.getElapsedTimeInMs();
    }

    @Override
    public Date getFinishedAt() {
        return ran.getFinishedAt();
    }

    @Override
    public boolean hasTimedOut() {
        return ran.hasTimedOut();
    }

    @Override
    public HealthCheckMetadata getHealthCheckMetadata() {
        return ran.getHealthCheckMetadata();
    }
}
