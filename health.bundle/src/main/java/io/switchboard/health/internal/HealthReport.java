package io.switchboard.health.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;

/**
 * One run of the selected health checks, in the shape of Felix's health check servlet's JSON
 * ({@code overallResult}, then {@code results} with {@code name}, {@code status}, {@code timeInMs},
 * {@code finishedAt}, {@code tags} and {@code messages}), so that tools written for it read ours.
 * Unlike that servlet it never sends a check's stack trace (anyone may ask {@code /health}); Felix
 * logs it.
 *
 * @param tags the tags that selected the checks, to explain a run that selected none
 */
record HealthReport(List<HealthCheckExecutionResult> results, List<String> tags) {

    /** @return the worst status of every check; {@code CRITICAL} when no check has the tags */
    Result.Status overall() {
        Result.Status worst = results.isEmpty() ? Result.Status.CRITICAL : Result.Status.OK;
        for (HealthCheckExecutionResult result : results) {
            Result.Status status = result.getHealthCheckResult().getStatus();
            if (status.compareTo(worst) > 0) {
                worst = status;
            }
        }
        return worst;
    }

    /** @return the HTTP status Felix's servlet answers for {@link #overall()}: 200, 503, or 500 for a check that failed */
    int httpStatus() {
        return switch (overall()) {
        case OK, WARN -> 200;
        case TEMPORARILY_UNAVAILABLE, CRITICAL -> 503;
        case HEALTH_CHECK_ERROR -> 500;
        };
    }

    /** @return the report as a JSON tree of maps and lists */
    Map<String, Object> tree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("overallResult", overall().name());
        List<Object> checks = new ArrayList<>();
        for (HealthCheckExecutionResult result : results) {
            checks.add(check(result));
        }
        if (results.isEmpty()) {
            // The reason a load balancer is told 503 belongs in the answer, as each check's does.
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("name", "health");
            none.put("status", Result.Status.CRITICAL.name());
            none.put("tags", List.of());
            none.put("messages", List.of(message(Result.Status.CRITICAL, "no health check has any of the tags "
                    + String.join(", ", tags) + " (setting tags of " + HealthSettings.PID + ")")));
            checks.add(none);
        }
        tree.put("results", checks);
        return tree;
    }

    private static Map<String, Object> check(HealthCheckExecutionResult result) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", result.getHealthCheckMetadata().getTitle());
        check.put("status", result.getHealthCheckResult().getStatus().name());
        check.put("timeInMs", result.getElapsedTimeInMs());
        check.put("finishedAt", result.getFinishedAt() == null ? null
                : result.getFinishedAt().toInstant().truncatedTo(ChronoUnit.MILLIS).toString());
        check.put("tags", List.copyOf(result.getHealthCheckMetadata().getTags()));
        List<Object> messages = new ArrayList<>();
        for (ResultLog.Entry entry : result.getHealthCheckResult()) {
            if (!entry.isDebug()) {
                messages.add(message(entry.getStatus(), entry.getMessage()));
            }
        }
        check.put("messages", messages);
        return check;
    }

    private static Map<String, Object> message(Result.Status status, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("status", status.name());
        message.put("message", text);
        return message;
    }
}
