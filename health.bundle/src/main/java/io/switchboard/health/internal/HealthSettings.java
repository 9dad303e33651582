package io.switchboard.health.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.switchboard.support.net.AllowList;
import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.settings.SettingsReader;

/**
 * A validated configuration of PID {@value #PID}. Every value is checked before anything is applied,
 * so a refused configuration leaves the running one untouched.
 *
 * @param tags the health checks' tags to run, as Felix's {@code HealthCheckSelector} reads them
 */
record HealthSettings(String root, List<String> tags, AllowList allowedIps) {
    static final String PID = "switchboard.health";
    /** The tag of Switchboard's own checks, and of the users' checks that are to decide {@code /health}. */
    static final String TAG = "switchboard";
    private static final String TAG_RULE = "must name at least one tag: letters, digits and . _ -, "
            + "a leading - to leave a tag out";

    /**
     * @param config the typed view DS made of {@code properties}
     * @param properties the raw properties, to quote the value a user wrote in a refusal
     * @throws SettingRefusedException naming the PID, key, value and rule of the first bad value
     */
    static HealthSettings from(HealthConfiguration config, Map<String, ?> properties) throws SettingRefusedException {
        SettingsReader r = new SettingsReader(PID, properties);
        String root = r.read("root", () -> config.root().trim(),
                v -> v.matches("[A-Za-z0-9._~-]+") && !v.equals(".") && !v.equals(".."),
                "must be one path segment of letters, digits and . _ ~ -");
        List<String> tags = new ArrayList<>();
        for (String value : config.tags()) {
            for (String tag : value.split(",")) {
                if (!tag.isBlank()) {
                    // The tags go into an LDAP filter: only characters that need no escaping.
                    r.require(tag.trim().matches("-?[A-Za-z0-9._]+"), "tags", tag.trim(), TAG_RULE);
                    tags.add(tag.trim());
                }
            }
        }
        // None would run Felix's default tag (default), not what the setting says.
        r.require(!tags.isEmpty(), "tags", String.join(",", Arrays.asList(config.tags())), TAG_RULE);
        return new HealthSettings(root, List.copyOf(tags), AllowList.of(PID, config.allowed__ips()));
    }
}
