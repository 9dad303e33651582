package io.switchboard.mihttp.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.switchboard.mi.MiException;

class LogLevelsTest {

    @ParameterizedTest
    @CsvSource({ "-3, FATAL", "-2, FATAL", "-1, ERROR", "0, ERROR", "1, WARN", "2, INFO", "3, INFO", "4, DEBUG",
            "' 4 ', DEBUG", "debug, DEBUG", "Trace, TRACE", "WARN, WARN", "off, OFF", "all, ALL" })
    void openSipsNumbersAndLog4jNamesMapToLog4jNames(String given, String expected) throws MiException {
        assertThat(LogLevels.parse(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "-3, FATAL", "-1, ERROR", "1, WARN", "3, INFO", "4, DEBUG" })
    void numbersAreAcceptedAsNumbers(int given, String expected) throws MiException {
        assertThat(LogLevels.parse(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "OFF, -3", "FATAL, -2", "ERROR, -1", "WARN, 1", "INFO, 3", "DEBUG, 4", "TRACE, 4", "ALL, 4", "info, 3" })
    void log4jNamesReadBackAsTheClosestOpenSipsNumber(String name, int expected) {
        assertThat(LogLevels.toOpenSips(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "5", "-4", "99999999999", "LOUD", "", "1.5", "NOTICE" })
    void anythingElseIsInvalidParams(String given) {
        assertThatThrownBy(() -> LogLevels.parse(given)).isInstanceOfSatisfying(MiException.class, e -> {
            assertThat(e.code()).isEqualTo(MiException.INVALID_PARAMS);
            assertThat((String) e.data()).contains("-3 (alert) to 4 (debug)").contains("'" + given + "'");
        });
    }

    @org.junit.jupiter.api.Test
    void nullIsInvalidParams() {
        assertThatThrownBy(() -> LogLevels.parse(null)).isInstanceOf(MiException.class);
    }
}
