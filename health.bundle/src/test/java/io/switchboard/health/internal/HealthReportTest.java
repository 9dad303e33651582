package io.switchboard.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckMetadata;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

import io.switchboard.support.testing.FakeReference;

class HealthReportTest {
    private long ids;

    private HealthCheckExecutionResult result(String name, Result result) {
        HealthCheckMetadata metadata = new HealthCheckMetadata(FakeReference.of(Map.of(Constants.SERVICE_ID, ++ids,
                HealthCheck.NAME, name, HealthCheck.TAGS, new String[] { "switchboard", "mine" })));
        return new HealthCheckExecutionResult() {
            @Override
            public Result getHealthCheckResult() {
                return result;
            }

            @Override
            public long getElapsedTimeInMs() {
                return 3;
            }

            @Override
            public Date getFinishedAt() {
                return new Date(1_700_000_000_123L);
            }

            @Override
            public boolean hasTimedOut() {
                return false;
            }

            @Override
            public HealthCheckMetadata getHealthCheckMetadata() {
                return metadata;
            }
        };
    }

    private HealthReport report(Result.Status... statuses) {
        return new HealthReport(java.util.Arrays.stream(statuses)
                .map(status -> result(status.name().toLowerCase(), new Result(status, "it is " + status))).toList(),
                List.of("switchboard"));
    }

    @Test
    void theStatusIsFelixServletsForTheWorstCheck() {
        assertThat(report(Result.Status.OK).httpStatus()).isEqualTo(200);
        assertThat(report(Result.Status.OK, Result.Status.WARN).httpStatus()).isEqualTo(200);
        assertThat(report(Result.Status.OK, Result.Status.TEMPORARILY_UNAVAILABLE).httpStatus()).isEqualTo(503);
        assertThat(report(Result.Status.WARN, Result.Status.CRITICAL).overall()).isEqualTo(Result.Status.CRITICAL);
        assertThat(report(Result.Status.CRITICAL, Result.Status.OK).httpStatus()).isEqualTo(503);
        assertThat(report(Result.Status.HEALTH_CHECK_ERROR, Result.Status.CRITICAL).httpStatus()).isEqualTo(500);
    }

    @Test
    void theJsonHasFelixServletsShapeWithoutDebugEntries() {
        FormattingResultLog log = new FormattingResultLog();
        log.info("listening on {}", 8888);
        log.debug("not shown");
        log.warn("slow: {} ms", 900);
        HealthReport report = new HealthReport(List.of(result("httpd", new Result(log))), List.of("switchboard"));
        assertThat(report.tree()).isEqualTo(Map.of("overallResult", "WARN", "results", List.of(Map.of(
                "name", "httpd", "status", "WARN", "timeInMs", 3L, "finishedAt", "2023-11-14T22:13:20.123Z",
                "tags", List.of("switchboard", "mine"),
                "messages", List.of(Map.of("status", "OK", "message", "listening on 8888"),
                        Map.of("status", "WARN", "message", "slow: 900 ms"))))));
        assertThat(report.tree().keySet()).containsExactly("overallResult", "results");
    }

    @Test
    void noCheckSelectedIsCriticalAndSaysWhy() {
        HealthReport report = new HealthReport(List.of(), List.of("systemready", "-slow"));
        assertThat(report.httpStatus()).isEqualTo(503);
        assertThat(report.tree().toString()).contains("overallResult=CRITICAL")
                .contains("no health check has any of the tags systemready, -slow (setting tags of switchboard.health)");
    }
}
