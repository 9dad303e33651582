package io.switchboard.mihttp.metrics;

import java.util.Map;
import java.util.Set;

import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.settings.SettingsReader;

/**
 * A validated configuration of PID {@value #PID}. Every value is checked before anything is applied, so a
 * refused configuration leaves the running one untouched. Names and labels are checked here so that every
 * name the endpoint writes is a Prometheus name without escaping.
 */
record PrometheusSettings(String root, String prefix, String delimiter, GroupMode groupMode, String groupPrefix,
        String groupLabel, boolean openScrape) {

    static final String PID = "switchboard.prometheus";

    /** OpenSIPS's {@code group_mode}: where a statistic's group goes. */
    enum GroupMode {
        NONE, NAME, LABEL
    }

    private static final String NAME_PART = "[A-Za-z0-9_]*";
    /** The labels a histogram or a summary writes itself. */
    private static final Set<String> RESERVED_LABELS = Set.of("le", "quantile");

    /**
     * @param config the typed view DS made of {@code properties}
     * @param properties the raw properties, to quote the value a user wrote in a refusal
     * @throws SettingRefusedException naming the PID, key, value and rule of the first bad value
     */
    static PrometheusSettings from(PrometheusConfiguration config, Map<String, ?> properties)
            throws SettingRefusedException {
        SettingsReader r = new SettingsReader(PID, properties);
        String root = r.read("root", () -> config.root().trim(),
                v -> v.matches("[A-Za-z0-9._~-]+") && !v.equals(".") && !v.equals(".."),
                "must be one path segment of letters, digits and . _ ~ -");
        String prefix = r.read("prefix", config::prefix, v -> v.matches("([A-Za-z_]" + NAME_PART + ")?"),
                "must be letters, digits and _, not starting with a digit, or empty");
        String delimiter = r.read("delimiter", config::delimiter, v -> v.matches(NAME_PART),
                "must be letters, digits and _, or empty");
        int mode = r.read("group_mode", config::group__mode, v -> v >= 0 && v <= 2,
                "must be 0 (no group), 1 (the group in the name) or 2 (the group in a label)");
        String groupPrefix = r.read("group_prefix", config::group__prefix, v -> v.matches(NAME_PART),
                "must be letters, digits and _, or empty");
        String groupLabel = r.read("group_label", config::group__label,
                v -> v.matches("[A-Za-z_]" + NAME_PART) && !v.startsWith("__") && !RESERVED_LABELS.contains(v),
                "must be letters, digits and _, not starting with a digit or __, and not le or quantile");
        boolean open = r.read("open_scrape", config::open__scrape, v -> true, "must be true or false");
        return new PrometheusSettings(root, prefix, delimiter, GroupMode.values()[mode], groupPrefix, groupLabel,
                open);
    }
}
