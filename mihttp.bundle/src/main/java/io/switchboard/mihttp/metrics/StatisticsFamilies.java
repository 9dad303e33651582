package io.switchboard.mihttp.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;
import io.switchboard.mihttp.metrics.PrometheusSettings.GroupMode;

/**
 * The statistics groups as Prometheus metric families, read afresh at each scrape: a statistic is a counter,
 * or a gauge when its group names it among {@link MiStatistics#gauges()}, and each of
 * {@link MiStatistics#histograms()} a histogram with its own buckets. Groups come in name order and
 * statistics in their group's order; when two would write the same name, the first keeps it and the other
 * is left out, said once in the log.
 */
final class StatisticsFamilies {
    private enum Kind {
        COUNTER(ExposedNames.COUNTER), GAUGE(ExposedNames.GAUGE), HISTOGRAM(ExposedNames.HISTOGRAM);

        final List<String> suffixes;

        Kind(List<String> suffixes) {
            this.suffixes = suffixes;
        }
    }

    /**
     * Names and help made and checked once per statistic: the client's check of a name, and putting it
     * together, were most of what a family cost to build. Bounded per group, for a group that names its
     * statistics anew at each scrape.
     */
    private static final int MAX_CACHED = 100_000;

    /** What a statistic's family is called, and its metadata, as the client checked them. */
    private record Named(Kind kind, String name, MetricMetadata metadata) {
    }

    /**
     * One family being gathered: with group_mode 2 it takes a series from each group.
     *
     * @param first the statistic that made it, {@code group:name}
     */
    private record Family(Kind kind, MetricMetadata metadata, String first, List<String> groups,
            List<DataPointSnapshot> points) {
        @SuppressWarnings("unchecked")
        MetricSnapshot snapshot() {
            List<?> typed = points;
            return switch (kind) {
                case COUNTER -> new CounterSnapshot(metadata, (List<CounterDataPointSnapshot>) typed);
                case GAUGE -> new GaugeSnapshot(metadata, (List<GaugeDataPointSnapshot>) typed);
                case HISTOGRAM -> new HistogramSnapshot(metadata, (List<HistogramDataPointSnapshot>) typed);
            };
        }
    }

    private final PrometheusSettings settings;
    private final MetricNames names;
    private final ScrapeLog log;
    /** By group, then statistic: the values' (counters and gauges). */
    private final Map<String, Map<String, Named>> namedValues = new ConcurrentHashMap<>();
    /** By group, then statistic: the histograms', apart, as a group may name a value and a histogram alike. */
    private final Map<String, Map<String, Named>> namedHistograms = new ConcurrentHashMap<>();
    /** How many families the last scrape had: the next one's table is made that big at once. */
    private volatile int lastCount = 16;

    StatisticsFamilies(PrometheusSettings settings, ScrapeLog log) {
        this.settings = settings;
        this.names = new MetricNames(settings);
        this.log = log;
    }

    /**
     * @param groups the groups by name, in the order served
     * @param exposed the sample names taken before (the JVM's); the families' are added
     * @return a family per served name
     */
    List<MetricSnapshot> of(Map<String, MiStatistics> groups, ExposedNames exposed) {
        Map<String, Family> families = new LinkedHashMap<>(lastCount * 4 / 3 + 1);
        // The names of a group that left go with it.
        namedValues.keySet().retainAll(groups.keySet());
        namedHistograms.keySet().retainAll(groups.keySet());
        groups.forEach((group, statistics) -> {
            try {
                add(families, exposed, group, statistics);
            } catch (RuntimeException failed) {
                // Another bundle's code: what it gave before failing is served, the other groups are.
                log.failed(group, failed);
            }
        });
        lastCount = families.size();
        List<MetricSnapshot> snapshots = new ArrayList<>(families.size());
        for (Family family : families.values()) {
            if (!family.points().isEmpty()) {
                snapshots.add(family.snapshot());
            }
        }
        return snapshots;
    }

    private void add(Map<String, Family> families, ExposedNames exposed, String group, MiStatistics statistics) {
        Set<String> gauges = statistics.gauges();
        Labels labels = settings.groupMode() == GroupMode.LABEL
                ? Labels.of(settings.groupLabel(), names.groupLabel(group))
                : Labels.EMPTY;
        statistics.values().forEach((name, value) -> {
            boolean gauge = gauges.contains(name);
            Family family = family(families, exposed, gauge ? Kind.GAUGE : Kind.COUNTER, group, name);
            if (family != null) {
                add(family, group, name, () -> gauge
                        ? GaugeDataPointSnapshot.builder().labels(labels).value(value).build()
                        : CounterDataPointSnapshot.builder().labels(labels).value(value).build());
            }
        });
        statistics.histograms().forEach((name, histogram) -> {
            Family family = family(families, exposed, Kind.HISTOGRAM, group, name);
            if (family != null) {
                add(family, group, name, () -> HistogramDataPointSnapshot.builder().labels(labels)
                        .classicHistogramBuckets(buckets(histogram)).sum(histogram.sum()).build());
            }
        });
    }

    /** @return the family {@code group:statistic} joins, or {@code null} when its name is another's */
    private Family family(Map<String, Family> families, ExposedNames exposed, Kind kind, String group,
            String statistic) {
        Named statisticNamed = named(kind, group, statistic);
        String name = statisticNamed.name();
        Family family = families.get(name);
        if (family != null) {
            boolean anotherGroup = settings.groupMode() == GroupMode.LABEL && !family.groups().contains(group);
            if (family.kind() == kind && anotherGroup) {
                return family;
            }
            log.leftOut(group + ":" + statistic, name, family.first());
            return null;
        }
        String owner = exposed.claim(name, kind.suffixes);
        if (owner != null) {
            log.leftOut(group + ":" + statistic, name, owner);
            return null;
        }
        family = new Family(kind, statisticNamed.metadata(), group + ":" + statistic,
                new ArrayList<>(1), new ArrayList<>(1));
        families.put(name, family);
        return family;
    }

    private Named named(Kind kind, String group, String statistic) {
        Map<String, Map<String, Named>> byGroup = kind == Kind.HISTOGRAM ? namedHistograms : namedValues;
        Map<String, Named> ofGroup = byGroup.computeIfAbsent(group, newGroup -> new ConcurrentHashMap<>());
        Named known = ofGroup.get(statistic);
        if (known == null || known.kind() != kind) {
            if (ofGroup.size() >= MAX_CACHED) {
                ofGroup.clear();
            }
            String name = names.family(group, statistic);
            if (kind == Kind.COUNTER && name.endsWith("_total")) {
                // The writers add _total to a counter's name; the client takes it off a name that has it.
                name = name.substring(0, name.length() - "_total".length());
            }
            String help = help(group, statistic);
            // Built as the client builds a family's, so that the writers name it as they expect.
            MetricMetadata metadata = switch (kind) {
                case COUNTER -> CounterSnapshot.builder().name(name).help(help).build().getMetadata();
                case GAUGE -> GaugeSnapshot.builder().name(name).help(help).build().getMetadata();
                case HISTOGRAM -> HistogramSnapshot.builder().name(name).help(help).build().getMetadata();
            };
            known = new Named(kind, name, metadata);
            ofGroup.put(statistic, known);
        }
        return known;
    }

    private interface Point {
        DataPointSnapshot build();
    }

    private void add(Family family, String group, String statistic, Point point) {
        try {
            family.points().add(point.build());
            family.groups().add(group);
        } catch (IllegalArgumentException refused) {
            // A negative count, or a histogram's negative bucket: the client refuses what Prometheus would.
            log.refused(group + ":" + statistic, refused.getMessage());
        }
    }

    /** The statistic as get_statistics names it: short, as a scrape of a thousand roots writes 9,000 of them. */
    private String help(String group, String statistic) {
        return settings.groupMode() == GroupMode.LABEL
                ? statistic + " of the group in label " + settings.groupLabel()
                : group + ":" + statistic;
    }

    /** MiHistogram's bounds are finite; Prometheus's last bucket is +Inf and takes what lies above them. */
    private static ClassicHistogramBuckets buckets(MiHistogram histogram) {
        double[] bounds = histogram.upperBounds();
        double[] withInfinity = Arrays.copyOf(bounds, bounds.length + 1);
        withInfinity[bounds.length] = Double.POSITIVE_INFINITY;
        return ClassicHistogramBuckets.of(withInfinity, histogram.counts());
    }
}
