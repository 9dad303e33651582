package io.switchboard.mi;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A group of counters that {@code get_statistics}, {@code list_statistics} and
 * {@code reset_statistics} show as {@code group:name}, as OpenSIPS modules export statistics.
 * Register an implementation as a service with the property {@link #GROUP}.
 */
@ConsumerType
public interface MiStatistics {

    /**
     * Service property, {@code String}, required: the group name, for example {@code httpd}. Two
     * services with the same group: the one with the highest {@code service.ranking} is shown.
     */
    String GROUP = "mi.statistics.group";

    /** @return the current value of every counter of the group, by name without the group, in order */
    Map<String, Long> values();

    /**
     * Sets a counter back to zero.
     *
     * @param name a counter name without the group
     * @return {@code false} when there is no such counter or it cannot be reset (a gauge)
     */
    boolean reset(String name);
}
