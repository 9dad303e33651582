package io.switchboard.itest.mi.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.itest.Configs;
import io.switchboard.mi.MiException;

/**
 * log_level over pax-logging's configuration; the test run's etc/ sets the root to WARN. pax-logging
 * 2.3 registers no LoggerAdmin service, so the command goes through ConfigAdmin.
 */
class LogLevelCommandTest {
    private static final String LOGGER = "io.switchboard.itest.mi.level";

    @InjectService
    ConfigurationAdmin configurationAdmin;
    Configuration logging;
    Dictionary<String, Object> original;

    @BeforeEach
    void keepTheLoggingConfiguration() throws Exception {
        logging = configurationAdmin.listConfigurations("(service.pid=org.ops4j.pax.logging)")[0];
        original = logging.getProperties();
    }

    @AfterEach
    void restoreIt() throws Exception {
        logging.update(original);
    }

    @Test
    void withoutParametersItListsTheRootAndTheConfiguredLoggers() throws Exception {
        List<Object> loggers = MiCalls.list(MiCalls.map(MiCalls.call("log_level")).get("Loggers"));
        assertThat(loggers.get(0)).isEqualTo(Map.of("Logger", "ROOT", "Log level", 1, "Level", "WARN"));
    }

    @Test
    void aLoggerSetToDebugLogsDebugAndReadsBackAsFour() throws Exception {
        Logger logger = LoggerFactory.getLogger(LOGGER + ".child");
        assertThat(logger.isDebugEnabled()).isFalse();
        assertThat(MiCalls.map(MiCalls.call("log_level", Map.of("level", 4, "logger", LOGGER))))
                .containsExactly(Map.entry("Logger", LOGGER), Map.entry("New log level", 4), Map.entry("Level", "DEBUG"));
        Configs.await("debug enabled for " + LOGGER, Duration.ofSeconds(10), logger::isDebugEnabled);
        assertThat(MiCalls.map(MiCalls.call("log_level", Map.of("logger", LOGGER + ".child"))))
                .containsExactly(Map.entry("Logger", LOGGER + ".child"), Map.entry("Log level", 4), Map.entry("Level", "DEBUG"));
        assertThat(MiCalls.list(MiCalls.map(MiCalls.call("log_level")).get("Loggers")))
                .contains(Map.of("Logger", LOGGER, "Log level", 4, "Level", "DEBUG"));
        assertThat(MiCalls.map(MiCalls.call("log_level", Map.of("level", "info", "logger", LOGGER)))).containsEntry("New log level", 3);
        Configs.await("debug disabled again", Duration.ofSeconds(10), () -> !logger.isDebugEnabled() && logger.isInfoEnabled());
    }

    @Test
    void theRootLevelIsSetByNameOrNumberAsOpenSipsAnswers() throws Exception {
        assertThat(MiCalls.map(MiCalls.call("log_level", Map.of("level", "error"))))
                .containsExactly(Map.entry("New global log level", -1), Map.entry("Level", "ERROR"));
        assertThat(MiCalls.list(MiCalls.map(MiCalls.call("log_level")).get("Loggers")))
                .first().isEqualTo(Map.of("Logger", "ROOT", "Log level", -1, "Level", "ERROR"));
        Configs.await("warnings off at the root", Duration.ofSeconds(10),
                () -> !LoggerFactory.getLogger("io.switchboard.itest.mi.elsewhere").isWarnEnabled());
        assertThat(MiCalls.map(MiCalls.call("log_level", Map.of("level", "1")))).containsEntry("New global log level", 1);
    }

    @Test
    void aBadLevelIsInvalidParamsAndChangesNothing() throws Exception {
        for (Object level : List.of("LOUD", 7, -4, "1.5", List.of(1))) {
            MiCalls.failure(MiException.INVALID_PARAMS, "log_level", Map.of("level", level));
        }
        MiCalls.failure(MiException.INVALID_PARAMS, "log_level", Map.of("logger", Map.of()));
        assertThat(logging.getProperties().get("log4j2.rootLogger.level")).isEqualTo("WARN");
    }
}
