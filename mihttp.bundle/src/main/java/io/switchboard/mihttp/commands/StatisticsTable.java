package io.switchboard.mihttp.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.switchboard.mi.MiException;
import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;

/**
 * The statistics groups at one moment, as {@code get_statistics}, {@code list_statistics} and
 * {@code reset_statistics} read them through a {@link StatisticsSelection}. A group shows its
 * {@link MiStatistics#values()}, then two entries per histogram: {@code <name>_count}, the number of
 * observations, and {@code <name>_sum}, their sum in the histogram's unit (seconds for a latency), the
 * names Prometheus gives a histogram's count and sum. A histogram's count and sum are counts; resetting
 * either resets the histogram ({@link MiStatistics#reset} with the histogram's name).
 */
final class StatisticsTable {
    /** The error OpenSIPS answers when a selection names no statistic. */
    static final int NOT_FOUND = 404;
    /** The error when a reset names a gauge: there is nothing to set back to zero. */
    static final int NOT_RESETTABLE = 400;
    static final String COUNT = "_count";
    static final String SUM = "_sum";
    /** OpenSIPS's {@code list_statistics} type of a counter. */
    static final String INCREMENTAL = "incremental";
    /** OpenSIPS's {@code list_statistics} type of a statistic that is not a count (its STAT_NO_RESET or function). */
    static final String NON_INCREMENTAL = "non-incremental";

    /**
     * One statistic as shown.
     *
     * @param resetName the name to hand {@link MiStatistics#reset}: the statistic's own, or its histogram's
     */
    private record Statistic(String group, MiStatistics source, String name, Number value, boolean gauge,
            String resetName) {
        String qualified() {
            return group + ":" + name;
        }
    }

    private final Map<String, MiStatistics> byGroup;

    /** @param byGroup the groups shown, in the order shown */
    StatisticsTable(Map<String, MiStatistics> byGroup) {
        this.byGroup = byGroup;
    }

    /**
     * @return the value of every selected statistic by {@code group:name}, groups in the order given,
     *         statistics in their group's order, histograms after the values
     * @throws MiException 404 "Statistics Not Found" when the selection finds nothing (as OpenSIPS: a
     *         group selected whole is found even when it has no statistics yet, and {@code all} always is)
     */
    Map<String, Number> values(StatisticsSelection selection) throws MiException {
        Map<String, Number> values = new LinkedHashMap<>();
        select(selection).forEach(statistic -> values.put(statistic.qualified(), statistic.value()));
        return values;
    }

    /**
     * @return {@value #INCREMENTAL} or {@value #NON_INCREMENTAL} (a gauge) for every selected statistic,
     *         by {@code group:name} in the order of {@link #values}
     * @throws MiException 404 "Statistics Not Found" as {@link #values}
     */
    Map<String, Object> types(StatisticsSelection selection) throws MiException {
        Map<String, Object> types = new LinkedHashMap<>();
        select(selection).forEach(statistic -> types.put(statistic.qualified(),
                statistic.gauge() ? NON_INCREMENTAL : INCREMENTAL));
        return types;
    }

    /**
     * Sets every selected count back to zero; gauges a group or {@code all} selects are left as they are.
     *
     * @throws MiException 404 "Statistics Not Found" as {@link #values}; 400 "Statistics Not Resettable",
     *         before anything is reset, when the selection names a gauge itself ({@code group:name} or
     *         its bare name): a level has no zero to go back to
     */
    void reset(StatisticsSelection selection) throws MiException {
        List<Statistic> selected = select(selection);
        List<String> gaugesNamed = selected.stream()
                .filter(statistic -> statistic.gauge() && selection.names(statistic.group(), statistic.name()))
                .map(Statistic::qualified).toList();
        if (!gaugesNamed.isEmpty()) {
            throw new MiException(NOT_RESETTABLE, "Statistics Not Resettable", String.join(", ", gaugesNamed)
                    + (gaugesNamed.size() == 1 ? " is a gauge" : " are gauges")
                    + " (non-incremental): a level, not a count, which reset_statistics leaves as it is");
        }
        Set<String> reset = new LinkedHashSet<>();
        for (Statistic statistic : selected) {
            // A histogram's count and sum are one reset.
            if (!statistic.gauge() && reset.add(statistic.group() + ":" + statistic.resetName())) {
                statistic.source().reset(statistic.resetName());
            }
        }
    }

    private List<Statistic> select(StatisticsSelection selection) throws MiException {
        List<Statistic> selected = new ArrayList<>();
        boolean found = false;
        for (Map.Entry<String, MiStatistics> entry : byGroup.entrySet()) {
            String group = entry.getKey();
            found |= selection.selectsGroup(group);
            for (Statistic statistic : statistics(group, entry.getValue())) {
                if (selection.matches(group, statistic.name())) {
                    selected.add(statistic);
                }
            }
        }
        if (!found && selected.isEmpty()) {
            throw new MiException(NOT_FOUND, "Statistics Not Found");
        }
        return selected;
    }

    private static List<Statistic> statistics(String group, MiStatistics source) {
        List<Statistic> statistics = new ArrayList<>();
        Set<String> gauges = source.gauges();
        source.values().forEach((name, value) -> statistics.add(
                new Statistic(group, source, name, value, gauges.contains(name), name)));
        for (Map.Entry<String, MiHistogram> histogram : source.histograms().entrySet()) {
            String name = histogram.getKey();
            statistics.add(new Statistic(group, source, name + COUNT, histogram.getValue().count(), false, name));
            statistics.add(new Statistic(group, source, name + SUM, histogram.getValue().sum(), false, name));
        }
        return statistics;
    }
}
