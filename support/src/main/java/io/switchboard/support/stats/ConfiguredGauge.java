package io.switchboard.support.stats;

import java.util.Map;

/**
 * The gauge {@value #NAME} of a module's statistics group: 1 while a valid configuration of the
 * module is in force, 0 while the module runs without one (every configuration so far was refused, or
 * its listener could not start). A refused change that leaves the previous configuration in force
 * leaves it at 1: the module serves. While the module is not running (not yet started, or between
 * two revisions of its bundle) the gauge is not listed: the module has nothing to say. The health
 * reads it from every group that has it, so that {@code /health} says what the log says.
 */
public final class ConfiguredGauge {
    public static final String NAME = "configured";

    /** {@code null} while the module is not running. */
    private volatile Boolean configured;

    /** @param inForce whether the running module has a valid configuration in force */
    public void set(boolean inForce) {
        configured = inForce;
    }

    /** The module stopped running: until it runs again it says nothing. */
    public void unknown() {
        configured = null;
    }

    /** Adds the gauge to a group's values, if the module is running. */
    public void addTo(Map<String, Long> values) {
        Boolean now = configured;
        if (now != null) {
            values.put(NAME, now ? 1L : 0L);
        }
    }
}
