package io.switchboard.support.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

class RateLimitedLogTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final Logger logger = (Logger) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().startsWith("is")) {
                    return true;
                }
                lines.add(method.getName() + " " + MessageFormatter.arrayFormat((String) args[0], (Object[]) args[1])
                        .getMessage());
                return null;
            });
    private final RateLimitedLog log = new RateLimitedLog(logger, "test refusal", 3, Duration.ofSeconds(60),
            clock::get);

    @Test
    void writesTheFirstLinesOfEachClientThenCountsTheRest() {
        for (int i = 0; i < 10; i++) {
            log.warn("10.0.0.1", "refused {}", i);
        }
        log.info("10.0.0.2", "refused {}", "b");

        assertThat(lines).containsExactly("warn refused 0", "warn refused 1", "warn refused 2", "info refused b");
    }

    @Test
    void aLineAfterTheWindowWritesTheSummaryAndStartsAfresh() {
        for (int i = 0; i < 10; i++) {
            log.debug("10.0.0.1", "refused {}", i);
        }
        log.warn("10.0.0.1", "refused {}", "late");
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        log.info("10.0.0.3", "refused {}", "other");
        log.debug("10.0.0.1", "refused {}", "again");

        assertThat(lines).containsExactly("debug refused 0", "debug refused 1", "debug refused 2",
                "warn test refusal: 8 more lines like the above from 10.0.0.1 left out in 61 s",
                "info refused other", "debug refused again");
    }

    @Test
    void flushWritesWhatIsPendingOnce() {
        for (int i = 0; i < 5; i++) {
            log.info("10.0.0.1", "refused {}", i);
        }
        log.flush();
        log.flush();

        assertThat(lines).containsExactly("info refused 0", "info refused 1", "info refused 2",
                "info test refusal: 2 more lines like the above from 10.0.0.1 left out in 0 s");
    }

    @Test
    void clientsPastTheTableShareOneEntry() {
        for (int i = 0; i < RateLimitedLog.MAX_CLIENTS + 100; i++) {
            log.warn("client " + i, "refused {}", i);
        }
        log.flush();

        assertThat(lines).hasSize(RateLimitedLog.MAX_CLIENTS - 1 + 3 + 1)
                .last().isEqualTo("warn test refusal: 98 more lines like the above from other clients left out in 0 s");
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        for (int i = 1; i <= 5; i++) {
            log.warn("2001:db8:1:2::" + i, "refused {}", i);
        }
        log.warn("2001:db8:1:3::1", "refused {}", "other network");
        log.flush();

        assertThat(lines).containsExactly("warn refused 1", "warn refused 2", "warn refused 3", "warn refused other network",
                "warn test refusal: 2 more lines like the above from 2001:db8:1:2:0:0:0:0/64 left out in 0 s");
    }

    @Test
    void otherKeysStayAsTheyAre() {
        assertThat(RateLimitedLog.network("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(RateLimitedLog.network("example.com:443")).isEqualTo("example.com:443");
        assertThat(RateLimitedLog.network("cafe:443")).isEqualTo("cafe:443");
        assertThat(RateLimitedLog.network("localhost:8080")).isEqualTo("localhost:8080");
        assertThat(RateLimitedLog.network(42)).isEqualTo(42);
    }
}
