package io.switchboard.mihttp.commands;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and changes log levels in pax-logging's configuration (PID {@value #PID}), which holds log4j2's
 * properties format behind a {@code log4j2.} prefix: {@code log4j2.rootLogger.level} for the root, and
 * a pair {@code log4j2.logger.<id>.name}/{@code log4j2.logger.<id>.level} for each named logger.
 * pax-logging 2.3 registers no OSGi {@code LoggerAdmin}, so this configuration is the one way to change
 * what log4j2 does at runtime. Pure functions over the properties, so they are tested without a framework.
 */
final class LoggingConfig {
    static final String PID = "org.ops4j.pax.logging";
    static final String ROOT = "ROOT";
    static final String ROOT_LEVEL = "log4j2.rootLogger.level";
    /** log4j2's own root level when the configuration names none. */
    static final String DEFAULT_LEVEL = "ERROR";

    private static final String LOGGER = "log4j2.logger.";

    private LoggingConfig() {
    }

    /**
     * @param logger a logger name, or {@code null}/{@value #ROOT} for the root logger
     * @return whether {@code logger} means the root logger
     */
    static boolean isRoot(String logger) {
        return logger == null || logger.isEmpty() || ROOT.equalsIgnoreCase(logger);
    }

    /** @return the configured level of every named logger, by name */
    static Map<String, String> loggers(Map<String, ?> properties) {
        Map<String, String> levels = new TreeMap<>();
        ids(properties).forEach((id, name) -> {
            Object level = properties.get(LOGGER + id + ".level");
            if (level != null) {
                levels.put(name, level.toString().trim());
            }
        });
        return levels;
    }

    /**
     * @return the level {@code logger} runs at: its own, else that of its closest configured parent
     *         ({@code a.b} for {@code a.b.c}), else the root's
     */
    static String level(Map<String, ?> properties, String logger) {
        if (!isRoot(logger)) {
            Map<String, String> loggers = loggers(properties);
            String best = null;
            for (String name : loggers.keySet()) {
                boolean covers = logger.equals(name) || logger.startsWith(name + ".");
                if (covers && (best == null || name.length() > best.length())) {
                    best = name;
                }
            }
            if (best != null) {
                return loggers.get(best);
            }
        }
        Object root = properties.get(ROOT_LEVEL);
        return root == null ? DEFAULT_LEVEL : root.toString().trim();
    }

    /**
     * @return a copy of {@code properties} in which {@code logger} is at {@code level}: the root level
     *         key, or the entry already naming the logger, or a new entry whose id is the logger's name
     *         with every character other than letters and digits made {@code _}
     */
    static Map<String, Object> withLevel(Map<String, ?> properties, String logger, String level) {
        Map<String, Object> changed = new TreeMap<>(properties);
        if (isRoot(logger)) {
            changed.put(ROOT_LEVEL, level);
            return changed;
        }
        Map<String, String> ids = ids(properties);
        String id = ids.entrySet().stream().filter(e -> e.getValue().equals(logger)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (id == null) {
            String base = logger.replaceAll("[^A-Za-z0-9]", "_");
            id = base;
            for (int n = 2; ids.containsKey(id) || properties.containsKey(LOGGER + id + ".level"); n++) {
                id = base + "_" + n;
            }
            changed.put(LOGGER + id + ".name", logger);
        }
        changed.put(LOGGER + id + ".level", level);
        return changed;
    }

    /** @return the logger name of every {@code log4j2.logger.<id>.name} entry, by id */
    private static Map<String, String> ids(Map<String, ?> properties) {
        Map<String, String> ids = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(LOGGER) && key.endsWith(".name") && value != null) {
                ids.put(key.substring(LOGGER.length(), key.length() - ".name".length()), value.toString().trim());
            }
        });
        return ids;
    }
}
