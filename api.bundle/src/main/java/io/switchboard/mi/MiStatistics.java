package io.switchboard.mi;

import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A group of statistics that {@code get_statistics}, {@code list_statistics} and
 * {@code reset_statistics} show as {@code group:name}, as OpenSIPS modules export statistics, and
 * that Switchboard's Prometheus endpoint serves. Register an implementation as a service with the
 * property {@link #GROUP}.
 * <p>
 * A statistic is a count (it only grows, until reset) unless {@link #gauges()} names it as a level,
 * which rises and falls (requests in flight, heap used). A group may also keep {@link #histograms()}.
 */
@ConsumerType
public interface MiStatistics {

    /**
     * Service property, {@code String}, required: the group name, for example {@code httpd}. Two
     * services with the same group: the one with the highest {@code service.ranking} is shown.
     */
    String GROUP = "mi.statistics.group";

    /** @return the current value of every statistic of the group, by name without the group, in order */
    Map<String, Long> values();

    /**
     * @return the names, among {@link #values()}, of the statistics that are levels rather than counts:
     *         {@code list_statistics} shows them "non-incremental", {@code reset_statistics} leaves
     *         them alone, Prometheus types them gauge
     * @since 1.2
     */
    default Set<String> gauges() {
        return Set.of();
    }

    /**
     * @return the group's histograms, by name without the group, in order; empty by default
     * @since 1.2
     */
    default Map<String, MiHistogram> histograms() {
        return Map.of();
    }

    /**
     * Sets a counter, or a histogram, back to zero.
     *
     * @param name a counter's or a histogram's name, without the group
     * @return {@code false} when there is no such counter or it cannot be reset (a gauge)
     */
    boolean reset(String name);
}
