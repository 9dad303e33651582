package io.switchboard.mi;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The named parameters of one command call. Positional parameters arrive here already named after
 * {@link MiCommand#PARAMS} and {@link MiCommand#OPTIONAL_PARAMS}. Values are JSON values:
 * {@link String}, {@link Number}, {@link Boolean}, {@link List}, {@link Map} or {@code null}.
 * The typed getters throw {@link MiException#invalidParams} naming the parameter when a value does
 * not fit, so a command can let that exception through.
 */
public final class MiParams {

    private final Map<String, Object> values;

    private MiParams(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param values the parameters by name
     * @return the parameters
     */
    public static MiParams of(Map<String, ?> values) {
        return new MiParams(new LinkedHashMap<>(values));
    }

    /** @return no parameters */
    public static MiParams none() {
        return new MiParams(Map.of());
    }

    /**
     * @param name a parameter name
     * @return {@code true} when the call gave it (even as {@code null})
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * @param name a parameter name
     * @return its value, or {@code null} when absent
     */
    public Object get(String name) {
        return values.get(name);
    }

    /** @return every parameter by name, in the order given */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * @param name a required parameter
     * @return its value as text (numbers and booleans in their JSON spelling)
     * @throws MiException when it is absent, {@code null}, an array or an object
     */
    public String string(String name) throws MiException {
        return optionalString(name).orElseThrow(() -> MiException.invalidParams("missing parameter '" + name + "'"));
    }

    /**
     * @param name an optional parameter
     * @return its value as text, or empty when absent or {@code null}
     * @throws MiException when it is an array or an object
     */
    public Optional<String> optionalString(String name) throws MiException {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
        }
        throw MiException.invalidParams("parameter '" + name + "' must be a string, not " + kind(value));
    }

    /**
     * @param name a required parameter
     * @return its value as an integer; a string of digits is accepted too
     * @throws MiException when it is absent or not an integer
     */
    public long integer(String name) throws MiException {
        return optionalInteger(name).orElseThrow(() -> MiException.invalidParams("missing parameter '" + name + "'"));
    }

    /**
     * @param name an optional parameter
     * @return its value as an integer, or empty when absent or {@code null}
     * @throws MiException when it is not an integer
     */
    public Optional<Long> optionalInteger(String name) throws MiException {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString())
                    : value instanceof String s ? new BigDecimal(s.trim()) : null;
            if (number != null) {
                return Optional.of(number.longValueExact());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // reported below, with the parameter's name
        }
        throw MiException.invalidParams("parameter '" + name + "' must be an integer, not " + describe(value));
    }

    /**
     * @param name an optional parameter
     * @return its values as text: an array of strings, or a single string as a list of one; empty
     *         when absent or {@code null}
     * @throws MiException when it is an object or holds arrays or objects
     */
    public List<String> strings(String name) throws MiException {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Collection<?> items)) {
            return List.of(optionalString(name).orElseThrow());
        }
        String[] texts = new String[items.size()];
        int i = 0;
        for (Object item : items) {
            if (!(item instanceof String || item instanceof Number || item instanceof Boolean)) {
                throw MiException.invalidParams("parameter '" + name + "' must hold strings, not " + kind(item));
            }
            texts[i++] = item.toString();
        }
        return List.of(texts);
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : kind(value) + " " + value;
    }

    private static String kind(Object value) {
        return value == null ? "null"
                : value instanceof Map ? "an object"
                : value instanceof Collection ? "an array"
                : value instanceof Boolean ? "a boolean"
                : value instanceof Number ? "a number" : "a string";
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
