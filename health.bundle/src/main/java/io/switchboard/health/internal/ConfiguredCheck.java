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
 * Each module configured that says so: a statistics group with the gauge {@value ConfiguredGauge#NAME}
 * (xhttp, microhttpd, rest, or a user's group) at 0 has no valid configuration in force, so it
 * serves nothing; CRITICAL, naming the group. The modules' own refusals are in the log, with the setting.
 */
@Component(service = HealthCheck.class)
@SwitchboardCheck(name = "configured")
public final class ConfiguredCheck implements HealthCheck {
    private final Map<MiStatistics, String> groups = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindStatistics(MiStatistics statistics, Map<String, Object> properties) {
        groups.put(statistics, String.valueOf(properties.get(MiStatistics.GROUP)));
    }

    void unbindStatistics(MiStatistics statistics) {
        groups.remove(statistics);
    }

    @Override
    public Result execute() {
        Map<String, Boolean> configured = new TreeMap<>();
        groups.forEach((statistics, group) -> {
            // A group with the gauge is asked for its values; httpd's, a thousand roots long, is not.
            if (statistics.gauges().contains(ConfiguredGauge.NAME)) {
                Long value = statistics.values().get(ConfiguredGauge.NAME);
                configured.put(group, value != null && value != 0);
            }
        });
        List<String> unconfigured = new ArrayList<>();
        configured.forEach((group, inForce) -> {
            if (!inForce) {
                unconfigured.add(group);
            }
        });
        FormattingResultLog log = new FormattingResultLog();
        if (configured.isEmpty()) {
            log.info("no module says whether it is configured");
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
