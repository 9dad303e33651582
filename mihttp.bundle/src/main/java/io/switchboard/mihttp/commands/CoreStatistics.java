package io.switchboard.mihttp.commands;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiStatistics;

/**
 * The statistics group {@code core}, the container's levels, read when asked: {@code uptime_seconds}
 * (since the JVM started, as {@code uptime} says), {@code bundles_installed}, {@code _resolved},
 * {@code _starting}, {@code _active} and {@code _stopping} (bundles in each state), {@code heap_used_bytes},
 * {@code heap_committed_bytes} and {@code heap_max_bytes} (-1 when the JVM sets no limit), and
 * {@code threads_live}, {@code threads_daemon} and {@code threads_peak} (the most alive at once since
 * the JVM started). Every one is a gauge: none is reset. It lives beside {@code uptime}, {@code ps} and
 * {@code bundle_list}, which read the same sources: the container has no bundle of its own, and the MI
 * is what shows statistics.
 */
@Component(service = MiStatistics.class, property = MiStatistics.GROUP + "=" + CoreStatistics.GROUP)
public final class CoreStatistics implements MiStatistics {
    static final String GROUP = "core";
    private static final Map<Integer, String> BUNDLE_STATES = bundleStates();
    private static final Set<String> NAMES = Set.of("uptime_seconds", "bundles_installed", "bundles_resolved",
            "bundles_starting", "bundles_active", "bundles_stopping", "heap_used_bytes", "heap_committed_bytes",
            "heap_max_bytes", "threads_live", "threads_daemon", "threads_peak");

    private final BundleContext context;
    /** Read once: the platform MBean lookup costs more than the rest (as in {@link UptimeCommand}). */
    private final long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Activate
    public CoreStatistics(BundleContext context) {
        this.context = context;
    }

    @Override
    public Map<String, Long> values() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("uptime_seconds", (System.currentTimeMillis() - startMillis) / 1000);
        Map<Integer, Long> byState = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            byState.merge(bundle.getState(), 1L, Long::sum);
        }
        BUNDLE_STATES.forEach((state, name) -> values.put(name, byState.getOrDefault(state, 0L)));
        MemoryUsage heap = memory.getHeapMemoryUsage();
        values.put("heap_used_bytes", heap.getUsed());
        values.put("heap_committed_bytes", heap.getCommitted());
        values.put("heap_max_bytes", heap.getMax());
        values.put("threads_live", (long) threads.getThreadCount());
        values.put("threads_daemon", (long) threads.getDaemonThreadCount());
        values.put("threads_peak", (long) threads.getPeakThreadCount());
        return values;
    }

    @Override
    public Set<String> gauges() {
        return NAMES;
    }

    /** @return {@code false}: every statistic of the group is a level */
    @Override
    public boolean reset(String name) {
        return false;
    }

    private static Map<Integer, String> bundleStates() {
        Map<Integer, String> states = new LinkedHashMap<>();
        states.put(Bundle.INSTALLED, "bundles_installed");
        states.put(Bundle.RESOLVED, "bundles_resolved");
        states.put(Bundle.STARTING, "bundles_starting");
        states.put(Bundle.ACTIVE, "bundles_active");
        states.put(Bundle.STOPPING, "bundles_stopping");
        return states;
    }
}
