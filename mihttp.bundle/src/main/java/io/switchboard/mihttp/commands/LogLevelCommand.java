package io.switchboard.mihttp.commands;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code log_level}, as OpenSIPS core has it, over pax-logging's log4j2 configuration (see
 * {@link LoggingConfig}). Levels are given and shown as OpenSIPS numbers ({@code Log level}) and as
 * log4j2 names ({@code Level}); {@link LogLevels} maps one onto the other.
 * <ul>
 * <li>no parameters: {@code {"Loggers": [{"Logger": "ROOT", "Log level": 1, "Level": "WARN"}, ...]}},
 * the root and every configured logger;</li>
 * <li>{@code logger} alone: {@code {"Logger": name, "Log level": n, "Level": name}}, the level the logger
 * runs at (its own or inherited);</li>
 * <li>{@code level}: sets the root level, {@code {"New global log level": n, "Level": name}} as OpenSIPS
 * answers; with {@code logger}, sets that logger, {@code {"Logger": name, "New log level": n, "Level":
 * name}}.</li>
 * </ul>
 * The whole command is admin-only rather than only its setting form: OpenSIPS clients set levels with
 * this very command, and an MI command carries one admin flag.
 * <p>
 * Errors: -32602 for a level that is neither -3..4 nor a log4j2 name; 404 when there is no pax-logging
 * configuration to change (creating one from nothing would leave log4j2 without appenders).
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "log_level", description = "Gets or sets the log level of the root or of one logger",
        params_optional = { "level", "logger" }, admin = true)
public final class LogLevelCommand implements MiCommand {
    private static final Logger LOG = LoggerFactory.getLogger(LogLevelCommand.class);

    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public LogLevelCommand(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    @Override
    public Object execute(MiParams params) throws MiException, IOException {
        Optional<String> logger = params.optionalString("logger");
        if (params.get("level") != null) {
            return set(LogLevels.parse(params.get("level")), logger.orElse(null));
        }
        Map<String, Object> properties = Configurations.find(configurationAdmin, LoggingConfig.PID)
                .map(Configurations::properties).orElse(Map.of());
        if (logger.isPresent()) {
            return entry("Logger", logger.get(), "Log level", LoggingConfig.level(properties, logger.get()));
        }
        List<Map<String, Object>> loggers = new ArrayList<>();
        loggers.add(entry("Logger", LoggingConfig.ROOT, "Log level", LoggingConfig.level(properties, null)));
        LoggingConfig.loggers(properties).forEach((name, level) -> loggers.add(entry("Logger", name, "Log level", level)));
        return Map.of("Loggers", loggers);
    }

    /** Synchronized: a read-modify-write of one configuration, so two calls at once must not lose one. */
    private synchronized Object set(String level, String logger) throws MiException, IOException {
        Configuration configuration = Configurations.find(configurationAdmin, LoggingConfig.PID).orElseThrow(
                () -> new MiException(Configurations.NOT_FOUND, "no logging configuration (PID " + LoggingConfig.PID + ") to change"));
        Map<String, Object> changed = LoggingConfig.withLevel(Configurations.properties(configuration), logger, level);
        configuration.update(new Hashtable<>(changed));
        LOG.info("log level of {} set to {} through the MI", LoggingConfig.isRoot(logger) ? "the root logger" : logger, level);
        return LoggingConfig.isRoot(logger) ? entry(null, null, "New global log level", level)
                : entry("Logger", logger, "New log level", level);
    }

    private static Map<String, Object> entry(String nameKey, String name, String levelKey, String level) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (nameKey != null) {
            entry.put(nameKey, name);
        }
        entry.put(levelKey, LogLevels.toOpenSips(level));
        entry.put("Level", level);
        return entry;
    }
}
