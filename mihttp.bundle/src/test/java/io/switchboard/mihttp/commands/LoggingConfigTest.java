package io.switchboard.mihttp.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LoggingConfigTest {
    private static final Map<String, Object> CONFIG = Map.of(
            "log4j2.rootLogger.level", "WARN",
            "log4j2.rootLogger.appenderRef.console.ref", "console",
            "log4j2.logger.jetty.name", "org.eclipse.jetty",
            "log4j2.logger.jetty.level", "ERROR",
            "log4j2.logger.server.name", "org.eclipse.jetty.server",
            "log4j2.logger.server.level", " INFO ");

    @Test
    void theRootLevelIsTheRootLoggerKeyOrLog4jsDefault() {
        assertThat(LoggingConfig.level(CONFIG, null)).isEqualTo("WARN");
        assertThat(LoggingConfig.level(CONFIG, "root")).isEqualTo("WARN");
        assertThat(LoggingConfig.level(Map.of(), null)).isEqualTo("ERROR");
    }

    @Test
    void aLoggerRunsAtItsOwnLevelElseItsClosestConfiguredParentsElseTheRoots() {
        assertThat(LoggingConfig.level(CONFIG, "org.eclipse.jetty")).isEqualTo("ERROR");
        assertThat(LoggingConfig.level(CONFIG, "org.eclipse.jetty.io")).isEqualTo("ERROR");
        assertThat(LoggingConfig.level(CONFIG, "org.eclipse.jetty.server.Server")).isEqualTo("INFO");
        assertThat(LoggingConfig.level(CONFIG, "org.eclipse.jettyx")).isEqualTo("WARN");
        assertThat(LoggingConfig.level(CONFIG, "io.switchboard")).isEqualTo("WARN");
    }

    @Test
    void configuredLoggersAreListedByName() {
        assertThat(LoggingConfig.loggers(CONFIG)).containsExactly(Map.entry("org.eclipse.jetty", "ERROR"),
                Map.entry("org.eclipse.jetty.server", "INFO"));
    }

    @Test
    void settingTheRootChangesOnlyItsKey() {
        Map<String, Object> changed = LoggingConfig.withLevel(CONFIG, "ROOT", "DEBUG");
        assertThat(changed).containsEntry("log4j2.rootLogger.level", "DEBUG").hasSize(CONFIG.size());
        assertThat(CONFIG).containsEntry("log4j2.rootLogger.level", "WARN");
    }

    @Test
    void settingAConfiguredLoggerReusesItsEntry() {
        Map<String, Object> changed = LoggingConfig.withLevel(CONFIG, "org.eclipse.jetty", "DEBUG");
        assertThat(changed).containsEntry("log4j2.logger.jetty.level", "DEBUG").hasSize(CONFIG.size());
    }

    @Test
    void settingANewLoggerAddsAnEntryWhoseIdIsItsNameWithoutDots() {
        Map<String, Object> changed = LoggingConfig.withLevel(CONFIG, "io.switch-board", "TRACE");
        assertThat(changed).containsEntry("log4j2.logger.io_switch_board.name", "io.switch-board")
                .containsEntry("log4j2.logger.io_switch_board.level", "TRACE");
        assertThat(LoggingConfig.level(changed, "io.switch-board.x")).isEqualTo("TRACE");
    }

    @Test
    void aNewIdNeverTakesOverAnotherLoggersEntry() {
        Map<String, Object> taken = Map.of("log4j2.logger.a_b.name", "a-b", "log4j2.logger.a_b.level", "INFO");
        Map<String, Object> changed = LoggingConfig.withLevel(taken, "a.b", "DEBUG");
        assertThat(changed).containsEntry("log4j2.logger.a_b.name", "a-b").containsEntry("log4j2.logger.a_b.level", "INFO")
                .containsEntry("log4j2.logger.a_b_2.name", "a.b").containsEntry("log4j2.logger.a_b_2.level", "DEBUG");
    }
}
