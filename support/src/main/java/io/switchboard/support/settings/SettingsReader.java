package io.switchboard.support.settings;

import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads the values of one configuration, one key at a time, each against its rule, so that a refusal
 * quotes exactly what the user wrote, or the default when the key is not set.
 */
public final class SettingsReader {
    private final String pid;
    private final Map<String, ?> properties;

    /**
     * @param pid the configuration's PID, for refusals
     * @param properties the raw properties, to quote the value a user wrote
     */
    public SettingsReader(String pid, Map<String, ?> properties) {
        this.pid = pid;
        this.properties = properties;
    }

    /**
     * @param value the typed value, usually a method of the metatype interface; one that cannot be
     *        converted (a word where a number belongs) throws, and is refused as written
     * @return the value, once it keeps {@code rule}
     * @throws SettingRefusedException naming the key, the value and {@code ruleText}
     */
    public <T> T read(String key, Supplier<T> value, Predicate<T> rule, String ruleText) throws SettingRefusedException {
        T v;
        try {
            v = value.get();
        } catch (RuntimeException notConvertible) {
            throw refused(key, properties.get(key), ruleText);
        }
        if (!rule.test(v)) {
            throw refused(key, properties.containsKey(key) ? properties.get(key) : v, ruleText);
        }
        return v;
    }

    /** @throws SettingRefusedException when {@code rule} does not hold for {@code value} */
    public void require(boolean rule, String key, Object value, String ruleText) throws SettingRefusedException {
        if (!rule) {
            throw refused(key, value, ruleText);
        }
    }

    /** @return the refusal of {@code value} under {@code key}, for checks that need more than a predicate */
    public SettingRefusedException refused(String key, Object value, String ruleText) {
        return new SettingRefusedException(pid, key, value, ruleText);
    }

    /** @return whether {@code key} is set at all, rather than left to its default */
    public boolean isSet(String key) {
        return properties.containsKey(key);
    }
}
