package io.switchboard.mihttp.commands;

import java.util.List;
import java.util.Locale;

import io.switchboard.mi.MiException;

/**
 * Log levels as OpenSIPS numbers them ({@code -3} alert, {@code -2} critical, {@code -1} error,
 * {@code 1} warning, {@code 2} notice, {@code 3} info, {@code 4} debug) and as log4j2 names them, which
 * is what pax-logging's configuration holds. Neither scale maps onto the other one to one, so each
 * direction goes to the closest level: alert and critical become FATAL, notice becomes INFO; TRACE and
 * ALL read back as 4, OFF as -3.
 */
final class LogLevels {
    /** log4j2's level names, from the quietest to the most verbose. */
    static final List<String> NAMES = List.of("OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "ALL");

    private LogLevels() {
    }

    /**
     * @param level an OpenSIPS level ({@code -3} to {@code 4}, as a number or a string of digits) or a
     *        log4j2 level name in any case
     * @return the log4j2 level name
     * @throws MiException invalid params when it is neither
     */
    static String parse(Object level) throws MiException {
        String text = level == null ? "" : level.toString().trim();
        if (text.matches("[+-]?\\d{1,9}")) {
            return fromOpenSips(Integer.parseInt(text));
        }
        String name = text.toUpperCase(Locale.ROOT);
        if (NAMES.contains(name)) {
            return name;
        }
        throw invalid(level);
    }

    /** @return the OpenSIPS number closest to a log4j2 level name; unknown names count as ERROR */
    static int toOpenSips(String name) {
        switch (name.toUpperCase(Locale.ROOT)) {
        case "OFF":
            return -3;
        case "FATAL":
            return -2;
        case "WARN":
            return 1;
        case "INFO":
            return 3;
        case "DEBUG":
        case "TRACE":
        case "ALL":
            return 4;
        default:
            return -1;
        }
    }

    private static String fromOpenSips(int level) throws MiException {
        switch (level) {
        case -3:
        case -2:
            return "FATAL";
        case -1:
        case 0: // not an OpenSIPS level name, but OpenSIPS accepts it and then logs errors only
            return "ERROR";
        case 1:
            return "WARN";
        case 2:
        case 3:
            return "INFO";
        case 4:
            return "DEBUG";
        default:
            throw invalid(level);
        }
    }

    private static MiException invalid(Object level) {
        return MiException.invalidParams("level must be an OpenSIPS level from -3 (alert) to 4 (debug) or one of "
                + String.join(", ", NAMES) + ", not '" + level + "'");
    }
}
