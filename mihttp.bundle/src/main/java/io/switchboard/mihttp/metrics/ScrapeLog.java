package io.switchboard.mihttp.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a scrape could not serve, said once per statistic or group for as long as a configuration is in force:
 * Prometheus scrapes every few seconds, and the same cause would otherwise fill the log.
 */
final class ScrapeLog {
    private static final Logger LOG = LoggerFactory.getLogger(ScrapeLog.class);

    private final Set<String> said = ConcurrentHashMap.newKeySet();

    /** A statistic whose metric name another family has: it is not served. */
    void leftOut(String statistic, String family, String owner) {
        if (said.add("name " + statistic)) {
            LOG.warn("prometheus: statistic {} is not served: its name {} is written by {} already; rename it, or "
                    + "set group_mode or the names in {}", statistic, family, owner, PrometheusSettings.PID);
        }
    }

    /** A statistic whose value Prometheus cannot take (a negative count, a histogram's negative bucket). */
    void refused(String statistic, String reason) {
        if (said.add("value " + statistic)) {
            LOG.warn("prometheus: statistic {} is not served: {}", statistic, reason);
        }
    }

    /** A group whose service failed: the others are served. */
    void failed(String group, RuntimeException failure) {
        if (said.add("group " + group)) {
            LOG.error("prometheus: statistics group {} failed; it is left out of every scrape it fails in", group,
                    failure);
        }
    }
}
