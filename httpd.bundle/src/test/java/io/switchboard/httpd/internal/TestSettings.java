package io.switchboard.httpd.internal;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;

import io.switchboard.support.settings.SettingRefusedException;

/** httpd's settings for unit tests, from raw configuration values as ConfigAdmin would hand them. */
final class TestSettings {
    private TestSettings() {
    }

    /** @return the settings {@code raw} gives, the defaults for every key it leaves out */
    static HttpdSettings of(Map<String, Object> raw) throws SettingRefusedException {
        return HttpdSettings.from(config(raw), raw);
    }

    /** Builds the typed view the way DS does: converting the raw string values on each call. */
    static HttpdConfiguration config(Map<String, Object> raw) {
        Map<String, Object> values = new HashMap<>(raw);
        return (HttpdConfiguration) java.lang.reflect.Proxy.newProxyInstance(HttpdConfiguration.class.getClassLoader(),
                new Class<?>[] { HttpdConfiguration.class }, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Annotation.class || method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("annotationType") ? HttpdConfiguration.class : null;
                    }
                    String key = method.getName().replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
                    Object value = values.get(key);
                    if (value == null) {
                        return method.getDefaultValue();
                    }
                    Class<?> type = method.getReturnType();
                    String text = value.toString();
                    if (type == int.class) {
                        return Integer.valueOf(text);
                    }
                    if (type == long.class) {
                        return Long.valueOf(text);
                    }
                    if (type == boolean.class) {
                        return Boolean.valueOf(text);
                    }
                    return text;
                });
    }
}
