package io.switchboard.mihttp.commands;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.switchboard.mi.MiException;

/**
 * Configuration values to JSON and back. JSON keeps its types in a configuration: integers become
 * {@link Long}, other numbers {@link Double}, booleans {@link Boolean}, strings {@link String}, and
 * arrays whose items are all of one of those kinds arrays of it ({@code String[]}, {@code Long[]}, ...).
 * Objects and mixed arrays have no configuration type and are refused.
 */
final class ConfigValues {
    private ConfigValues() {
    }

    /** @return a configuration value as a JSON value: arrays and collections as lists, the rest as is or as text */
    static Object toJson(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(toJson(Array.get(value, i)));
            }
            return items;
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(ConfigValues::toJson).toList();
        }
        return value.toString();
    }

    /**
     * @param key the property the value is for, named in errors
     * @param value a JSON value, not {@code null}
     * @return the configuration value
     * @throws MiException invalid params for an object, a mixed array or an integer beyond {@code long}
     */
    static Object fromJson(String key, Object value) throws MiException {
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return number(key, number);
        }
        if (value instanceof Collection<?> items) {
            return array(key, items);
        }
        throw MiException.invalidParams("property '" + key + "': "
                + (value instanceof Map ? "an object" : "a " + value.getClass().getSimpleName()) + " is no configuration value");
    }

    private static Object array(String key, Collection<?> items) throws MiException {
        List<Object> values = new ArrayList<>();
        for (Object item : items) {
            if (item == null || item instanceof Collection || item instanceof Map) {
                throw mixed(key);
            }
            values.add(fromJson(key, item));
        }
        Class<?> type = values.stream().<Class<?>>map(Object::getClass).reduce((a, b) -> a == b ? a
                : Number.class.isAssignableFrom(a) && Number.class.isAssignableFrom(b) ? Double.class : Object.class)
                .orElse(String.class);
        if (type == Object.class) {
            throw mixed(key);
        }
        Object array = Array.newInstance(type, values.size());
        for (int i = 0; i < values.size(); i++) {
            Object item = values.get(i);
            Array.set(array, i, type == Double.class ? (Object) ((Number) item).doubleValue() : item);
        }
        return array;
    }

    private static Object number(String key, Number number) throws MiException {
        if (number instanceof Double || number instanceof Float) {
            return number.doubleValue();
        }
        BigDecimal decimal = number instanceof BigDecimal d ? d
                : number instanceof BigInteger i ? new BigDecimal(i) : BigDecimal.valueOf(number.longValue());
        if (decimal.scale() > 0) {
            return decimal.doubleValue();
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw MiException.invalidParams("property '" + key + "': " + number + " is beyond a 64-bit integer");
        }
    }

    private static MiException mixed(String key) {
        return MiException.invalidParams("property '" + key + "': an array must hold only strings, only numbers or only booleans");
    }
}
