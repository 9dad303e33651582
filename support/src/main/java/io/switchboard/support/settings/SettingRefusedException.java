package io.switchboard.support.settings;

/**
 * A configuration value that breaks its rule. The message names the PID, the key, the value and the
 * rule, so the log line alone tells the user what to fix; the logger adds what happens meanwhile.
 */
public final class SettingRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public SettingRefusedException(String pid, String key, Object value, String rule) {
        super("configuration " + pid + " refused: " + key + "=" + value + " " + rule);
    }
}
