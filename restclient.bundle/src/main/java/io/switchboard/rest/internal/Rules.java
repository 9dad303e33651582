package io.switchboard.rest.internal;

import java.util.Locale;

/**
 * Checks of configuration values; a refusal names the PID, the key, the value and the rule, as every
 * Switchboard configuration error does.
 */
final class Rules {
    private final String pid;

    Rules(String pid) {
        this.pid = pid;
    }

    /** @throws IllegalArgumentException when {@code rule} does not hold */
    void require(boolean rule, String key, Object value, String text) {
        if (!rule) {
            throw refused(key, value, text);
        }
    }

    /** @return the refusal of a value that breaks {@code text} */
    IllegalArgumentException refused(String key, Object value, String text) {
        return new IllegalArgumentException("configuration " + pid + " refused: " + key + "=" + value + " " + text);
    }

    /** An rest_client 0/1 switch such as {@code ssl_verifypeer}. */
    boolean zeroOrOne(String key, int value) {
        require(value == 0 || value == 1, key, value, "must be 0 or 1");
        return value == 1;
    }

    /** A boolean written as text: {@code true} or {@code false}, in any case. */
    boolean trueOrFalse(String key, String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        require(text.equals("true") || text.equals("false"), key, value, "must be true or false");
        return text.equals("true");
    }
}
