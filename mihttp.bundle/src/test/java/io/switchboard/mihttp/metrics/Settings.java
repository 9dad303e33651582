package io.switchboard.mihttp.metrics;

import java.lang.reflect.Proxy;
import java.util.Map;

import io.switchboard.support.settings.SettingRefusedException;

/** prometheus settings as ConfigAdmin and DS would make them from properties, defaults for the rest. */
final class Settings {
    private Settings() {
    }

    /** @param properties values by key as a {@code .cfg} file gives them, e.g. {@code group_mode} */
    static PrometheusSettings of(Map<String, Object> properties) throws SettingRefusedException {
        PrometheusConfiguration config = (PrometheusConfiguration) Proxy.newProxyInstance(
                Settings.class.getClassLoader(), new Class<?>[] { PrometheusConfiguration.class },
                (self, method, args) -> {
                    String key = method.getName().replace("__", "_");
                    return properties.containsKey(key) ? properties.get(key) : method.getDefaultValue();
                });
        return PrometheusSettings.from(config, properties);
    }
}
