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
 * not fit, so a command can let that exception through. No getter expands a number: a client can
 * send {@code 1e500000000} in eleven bytes, and its digits written out would fill the memory.
 */
public final class MiParams {
    /** Beyond this many digits of scale a decimal is written in its scientific form. */
    private static final int MAX_PLAIN_SCALE = 100;
    /** How much of a bad value an error quotes back to the client. */
    private static final int MAX_QUOTED = 64;

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
     * @return its value as text (numbers and booleans in their JSON spelling; a decimal whose plain
     *         form would run past a hundred digits of scale in its scientific form, as {@code 1E+500})
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
            return Optional.of(text(value));
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
            // A longer string is no 64-bit integer, and a megabyte of digits takes long to parse.
            BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString())
                    : value instanceof String s && s.length() <= MAX_QUOTED ? new BigDecimal(s.trim()) : null;
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
            texts[i++] = text(item);
        }
        return List.of(texts);
    }

    private static String text(Object scalar) {
        return scalar instanceof BigDecimal decimal && Math.abs((long) decimal.scale()) <= MAX_PLAIN_SCALE
                ? decimal.toPlainString() : scalar.toString();
    }

    /** @return the value as an error quotes it: its kind and its first characters */
    private static String describe(Object value) {
        return value instanceof String s ? "\"" + clip(s) + "\"" : kind(value) + " " + clip(String.valueOf(value));
    }

    private static String clip(String text) {
        if (text.length() <= MAX_QUOTED) {
            return text;
        }
        // Never half a surrogate pair: the JSON writer refuses one.
        int end = Character.isHighSurrogate(text.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
        return text.substring(0, end) + "...";
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
