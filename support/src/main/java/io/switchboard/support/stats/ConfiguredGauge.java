package io.switchboard.support.stats;

/**
 * The gauge {@value #NAME} of a module's statistics group: 1 while a valid configuration of the module
 * is in force, 0 before the first one (every one so far was refused, or its listener could not start).
 * A refused change that leaves the previous configuration in force leaves it at 1: the module serves.
 * The health reads it from every group that has it, so that {@code /health} says what the log says.
 */
public final class ConfiguredGauge {
    public static final String NAME = "configured";

    private volatile boolean configured;

    public void set(boolean inForce) {
        configured = inForce;
    }

    public long value() {
        return configured ? 1 : 0;
    }
}
