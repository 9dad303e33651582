package io.switchboard.mihttp.metrics;

import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The JVM's and the process's metrics ({@code jvm_*}, {@code process_*}) from the Prometheus client's JVM
 * instrumentation, each read when scraped, in a registry of this endpoint's own: the client's default
 * registry is static and would outlive an update of this bundle. The modules are registered one by one,
 * which leaves out two that JvmMetrics would add: the memory pools' allocation counters hang a listener on
 * each garbage collector that nothing removes (the JVM would keep every old revision of this bundle), and
 * native memory tracking asks a diagnostic command of a JVM that usually runs without it.
 */
final class JvmFamilies {
    private final PrometheusRegistry registry = new PrometheusRegistry();

    JvmFamilies() {
        JvmThreadsMetrics.builder().register(registry);
        JvmBufferPoolMetrics.builder().register(registry);
        JvmClassLoadingMetrics.builder().register(registry);
        JvmCompilationMetrics.builder().register(registry);
        JvmGarbageCollectorMetrics.builder().register(registry);
        JvmMemoryMetrics.builder().register(registry);
        JvmRuntimeInfoMetric.builder().register(registry);
        ProcessMetrics.builder().register(registry);
    }

    MetricSnapshots scrape() {
        return registry.scrape();
    }
}
