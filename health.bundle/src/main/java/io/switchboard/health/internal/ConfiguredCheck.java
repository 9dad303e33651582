package io.switchboard.health.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.mi.MiStatistics;
import io.switchboard.support.stats.ConfiguredGauge;

/**
 * Every module that publishes the gauge {@value ConfiguredGauge#NAME} in its statistics group (xhttp,
 * microhttpd, rest, or a user's group) has a valid configuration in force. A group at 0 serves nothing:
 * CRITICAL, naming it; the module's refusal is in the log, with the setting. A module that is not
 * running says nothing (the components check speaks for it), and a group that cannot be read is a
 * warning, not a reason to take the instance out of rotation.
 */
@Component(service = HealthCheck.class)
@SwitchboardCheck(name = "configured")
public final class ConfiguredCheck implements HealthCheck {
    private final Map<MiStatistics, Object> groups = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindStatistics(MiStatistics statistics, Map<String, Object> properties) {
        groups.put(statistics, properties.getOrDefault(MiStatistics.GROUP, ""));
    }

    void unbindStatistics(MiStatistics statistics) {
        groups.remove(statistics);
    }

    @Override
    public Result execute() {
        Map<String, Boolean> configured = new TreeMap<>();
        FormattingResultLog log = new FormattingResultLog();
        groups.forEach((statistics, group) -> {
            if (!(group instanceof String name) || name.isEmpty()) {
                return;
            }
            try {
                // Only a group with the gauge is asked for its values: httpd's, a thousand roots long, is not.
                if (statistics.gauges().contains(ConfiguredGauge.NAME)) {
                    Long value = statistics.values().get(ConfiguredGauge.NAME);
                    if (value != null) {
                        // Two services of one group: both must be configured.
                        configured.merge(name, value != 0, Boolean::logicalAnd);
                    }
                }
            } catch (RuntimeException failed) {
                log.warn("statistics group {} could not be read: {}", name, failed.toString());
            }
        });
        List<String> unconfigured = new ArrayList<>();
        configured.forEach((group, inForce) -> {
            if (!inForce) {
                unconfigured.add(group);
            }
        });
        if (configured.isEmpty()) {
            log.info("no running module says whether it is configured");
        } else if (unconfigured.isEmpty()) {
            log.info("configured: {}", String.join(", ", configured.keySet()));
        } else {
            for (String group : unconfigured) {
                log.critical("{} serves nothing: no valid configuration is in force (statistic {}:{} is 0; the log "
                        + "names the setting that was refused)", group, group, ConfiguredGauge.NAME);
            }
        }
        return new Result(log);
    }
}
