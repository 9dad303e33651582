package io.switchboard.mihttp.commands;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.mi.MiStatistics;

/**
 * The {@link MiStatistics} groups in the registry, shared by {@code get_statistics},
 * {@code list_statistics} and {@code reset_statistics}, which read them through {@link #table()}, and by
 * the MI page's charts, which read a group at a time ({@link #group}). When
 * two services claim a group, the one {@link ServiceReference#compareTo} ranks highest shows it (highest
 * {@code service.ranking}, then lowest {@code service.id}); the other takes over when it goes.
 * Copy-on-write: binding swaps in a new table, commands read the current one without locking.
 */
@Component(service = StatisticsGroups.class)
public final class StatisticsGroups {
    private final Map<ServiceReference<MiStatistics>, MiStatistics> services = new HashMap<>();
    private volatile Map<String, MiStatistics> byGroup = Map.of();

    @Reference(service = MiStatistics.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    synchronized void bindStatistics(ServiceReference<MiStatistics> reference, MiStatistics statistics) {
        services.put(reference, statistics);
        rebuild();
    }

    synchronized void updatedStatistics(ServiceReference<MiStatistics> reference) {
        rebuild();
    }

    synchronized void unbindStatistics(ServiceReference<MiStatistics> reference) {
        services.remove(reference);
        rebuild();
    }

    /** @return the groups as they are now, best service of each, in name order, for the Prometheus endpoint */
    public Map<String, MiStatistics> groups() {
        return Collections.unmodifiableMap(byGroup);
    }

    private void rebuild() {
        Map<String, ServiceReference<MiStatistics>> best = new HashMap<>();
        services.keySet().forEach(reference -> {
            if (reference.getProperty(MiStatistics.GROUP) instanceof String group && !group.isEmpty()) {
                best.merge(group, reference, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        });
        Map<String, MiStatistics> groups = new TreeMap<>();
        best.forEach((group, reference) -> groups.put(group, services.get(reference)));
        byGroup = groups;
    }

    /** @return the service that shows {@code group} now, or {@code null} when none does */
    public MiStatistics group(String group) {
        return byGroup.get(group);
    }

    /** @return the groups as they are now, best service of each, in name order */
    StatisticsTable table() {
        return new StatisticsTable(byGroup);
    }
}
