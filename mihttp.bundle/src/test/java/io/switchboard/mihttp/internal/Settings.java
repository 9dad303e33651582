package io.switchboard.mihttp.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

import io.switchboard.support.settings.SettingRefusedException;

/** mi_http settings as ConfigAdmin and DS would make them from properties, defaults for the rest. */
final class Settings {
    private Settings() {
    }

    static MiHttpSettings defaults() throws SettingRefusedException {
        return of(Map.of());
    }

    /** @param properties values by key as a {@code .cfg} file gives them, e.g. {@code max_batch} */
    static MiHttpSettings of(Map<String, Object> properties) throws SettingRefusedException {
        return MiHttpSettings.from(config(properties), properties);
    }

    static MiHttpConfiguration config(Map<String, Object> properties) {
        return (MiHttpConfiguration) Proxy.newProxyInstance(Settings.class.getClassLoader(),
                new Class<?>[] { MiHttpConfiguration.class }, (self, method, args) -> {
                    String key = method.getName().replace("__", "_");
                    Object value = properties.containsKey(key) ? properties.get(key) : method.getDefaultValue();
                    return method.getReturnType() == String[].class && value instanceof String text
                            ? new String[] { text } : value;
                });
    }
}
