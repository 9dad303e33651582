package io.switchboard.mihttp.charts;

import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.mi.MiHistogram;
import io.switchboard.mi.MiStatistics;

/**
 * Takes the samples the charts draw: on each {@link #sample()}, reads the statistics groups
 * {@value #HTTPD} and {@value #REST} and appends to three rings what happened since the sample
 * before: per root, its requests per second ({@code <root>_requests}) and the p99 of its latency
 * ({@code <root>_latency} histogram); per REST outcome ({@code outcome_*}), its calls per second.
 * A series has no value in the first sample after it appears, or after its group's service changed
 * (its bundle updated: its counters start again from zero), and none while its group is away.
 * <p>
 * Not thread-safe: one thread samples (the {@link StatisticsHistory}'s, or a test's).
 */
final class Sampler {
    private static final Logger LOG = LoggerFactory.getLogger(Sampler.class);
    static final String HTTPD = "httpd";
    static final String REST = "rest";
    static final String REQUESTS = "_requests";
    static final String LATENCY = "_latency";
    static final String OUTCOME = "outcome_";

    /**
     * One group's statistics as read at a sample.
     *
     * @param source the service read, held weakly: an updated bundle's old revision must stay collectable
     */
    private record Group(WeakReference<MiStatistics> source, Map<String, Long> counters,
            Map<String, MiHistogram> histograms) {
        static final Group ABSENT = new Group(new WeakReference<>(null), Map.of(), Map.of());

        boolean continues(Group earlier) {
            MiStatistics now = source.get();
            return now != null && now == earlier.source.get();
        }
    }

    private final Function<String, MiStatistics> groups;
    private final LongSupplier nanoClock;
    private final SeriesRing requests;
    private final SeriesRing latency;
    private final SeriesRing outcomes;
    /** The groups whose reading failed last time, so a failure is logged when it starts and when it ends. */
    private final Set<String> failing = new HashSet<>();
    private long previousNanos;
    private Group previousHttpd = Group.ABSENT;
    private Group previousRest = Group.ABSENT;

    /**
     * @param groups the service that shows a group now, or {@code null}
     * @param nanoClock {@link System#nanoTime()}, or a test's clock
     * @param capacity the samples each ring holds
     */
    Sampler(Function<String, MiStatistics> groups, LongSupplier nanoClock, int capacity) {
        this.groups = groups;
        this.nanoClock = nanoClock;
        this.requests = new SeriesRing(capacity);
        this.latency = new SeriesRing(capacity);
        this.outcomes = new SeriesRing(capacity);
    }

    void sample() {
        long now = nanoClock.getAsLong();
        Group httpd = read(HTTPD);
        Group rest = read(REST);
        long elapsed = now - previousNanos;
        boolean httpdContinues = httpd.continues(previousHttpd);
        Map<String, Double> rates = new LinkedHashMap<>();
        Map<String, Double> p99s = new LinkedHashMap<>();
        httpd.counters().forEach((name, value) -> {
            if (name.endsWith(REQUESTS) && name.length() > REQUESTS.length()) {
                String root = name.substring(0, name.length() - REQUESTS.length());
                Long before = httpdContinues ? previousHttpd.counters().get(name) : null;
                rates.put(root, before == null ? Double.NaN : Deltas.perSecond(before, value, elapsed));
            }
        });
        httpd.histograms().forEach((name, histogram) -> {
            if (name.endsWith(LATENCY) && name.length() > LATENCY.length()) {
                String root = name.substring(0, name.length() - LATENCY.length());
                MiHistogram before = httpdContinues ? previousHttpd.histograms().get(name) : null;
                p99s.put(root, before == null ? Double.NaN : Deltas.p99(before, histogram));
            }
        });
        boolean restContinues = rest.continues(previousRest);
        Map<String, Double> outcomeRates = new LinkedHashMap<>();
        rest.counters().forEach((name, value) -> {
            if (name.startsWith(OUTCOME) && name.length() > OUTCOME.length()) {
                Long before = restContinues ? previousRest.counters().get(name) : null;
                outcomeRates.put(name.substring(OUTCOME.length()),
                        before == null ? Double.NaN : Deltas.perSecond(before, value, elapsed));
            }
        });
        requests.append(now, rates);
        latency.append(now, p99s);
        outcomes.append(now, outcomeRates);
        previousNanos = now;
        previousHttpd = httpd;
        previousRest = rest;
    }

    /** @return the group's counters (its gauges left out: a level has no rate) and histograms, or none */
    private Group read(String name) {
        MiStatistics source = groups.apply(name);
        if (source == null) {
            return Group.ABSENT;
        }
        try {
            Map<String, Long> counters = new LinkedHashMap<>(source.values());
            counters.keySet().removeAll(source.gauges());
            counters.values().removeIf(Objects::isNull);
            Group group = new Group(new WeakReference<>(source), counters, Map.copyOf(source.histograms()));
            if (failing.remove(name)) {
                LOG.info("MI charts: the statistics group {} is read again", name);
            }
            return group;
        } catch (RuntimeException failed) {
            if (failing.add(name)) {
                LOG.warn("MI charts: the statistics group {} cannot be read; its charts have gaps until it can",
                        name, failed);
            }
            return Group.ABSENT;
        }
    }

    SeriesRing requests() {
        return requests;
    }

    SeriesRing latency() {
        return latency;
    }

    SeriesRing outcomes() {
        return outcomes;
    }
}
