package io.switchboard.mihttp.metrics;

import io.switchboard.mihttp.metrics.PrometheusSettings.GroupMode;

/**
 * The Prometheus name of a statistic, composed as OpenSIPS's prometheus module composes it: the prefix,
 * then (group_mode 1) group_prefix and the group, then the statistic's name, joined by the delimiter. An
 * empty prefix is left out with its delimiter. A group's or statistic's character that a Prometheus name
 * cannot hold becomes {@code _} ({@code container:bundle_list} gives {@code container_bundle_list}), and a
 * name that would start with a digit starts with {@code _}, so every name needs no escaping.
 */
final class MetricNames {
    private final PrometheusSettings settings;

    MetricNames(PrometheusSettings settings) {
        this.settings = settings;
    }

    /** @return the name of the family that serves {@code group:statistic} */
    String family(String group, String statistic) {
        StringBuilder name = new StringBuilder();
        if (!settings.prefix().isEmpty()) {
            name.append(settings.prefix()).append(settings.delimiter());
        }
        if (settings.groupMode() == GroupMode.NAME) {
            name.append(settings.groupPrefix());
            appendSafe(name, group);
            name.append(settings.delimiter());
        }
        appendSafe(name, statistic);
        if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
            name.insert(0, '_');
        }
        return name.toString();
    }

    /** @return the value of the group label (group_mode 2): group_prefix and the group as they are */
    String groupLabel(String group) {
        return settings.groupPrefix() + group;
    }

    private static void appendSafe(StringBuilder name, String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
            name.append(safe ? c : '_');
        }
    }
}
