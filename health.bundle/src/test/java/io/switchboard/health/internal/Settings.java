package io.switchboard.health.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

import io.switchboard.support.settings.SettingRefusedException;

/** Health settings as ConfigAdmin and DS would make them from properties, defaults for the rest. */
final class Settings {
    private Settings() {
    }

    /** @param properties values by key as a {@code .cfg} file gives them, e.g. {@code allowed_ips} */
    static HealthSettings of(Map<String, Object> properties) throws SettingRefusedException {
        HealthConfiguration config = (HealthConfiguration) Proxy.newProxyInstance(Settings.class.getClassLoader(),
                new Class<?>[] { HealthConfiguration.class }, (self, method, args) -> {
                    String key = method.getName().replace("__", "_");
                    Object value = properties.containsKey(key) ? properties.get(key) : method.getDefaultValue();
                    return method.getReturnType() == String[].class && value instanceof String text
                            ? new String[] { text } : value;
                });
        return HealthSettings.from(config, properties);
    }
}
