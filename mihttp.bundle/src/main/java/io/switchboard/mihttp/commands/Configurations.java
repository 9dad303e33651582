package io.switchboard.mihttp.commands;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.switchboard.mi.MiException;

/** Finding configurations by PID without creating them, as {@code getConfiguration} would. */
final class Configurations {
    /** The error code for a PID that names no configuration. */
    static final int NOT_FOUND = 404;

    private Configurations() {
    }

    /**
     * @return the configuration with {@code pid} that has properties, or empty (ConfigAdmin lists only
     *         those, so one created but never updated counts as missing)
     */
    static Optional<Configuration> find(ConfigurationAdmin admin, String pid) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations("(service.pid=" + escape(pid) + ")");
            return found == null ? Optional.empty() : Optional.of(found[0]);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("escaped PID " + pid + " makes an invalid filter", e);
        }
    }

    /** @throws MiException 404 when there is no configuration with {@code pid} */
    static Configuration require(ConfigurationAdmin admin, String pid) throws IOException, MiException {
        return find(admin, pid).orElseThrow(() -> new MiException(NOT_FOUND, "no configuration with PID " + pid));
    }

    /** @return {@code {"pid": pid, key: value}}, what changing a configuration answers */
    static Map<String, Object> outcome(String pid, String key, boolean value) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("pid", pid);
        outcome.put(key, value);
        return outcome;
    }

    /** @return the configuration's properties, by key in order; empty when it has none */
    static Map<String, Object> properties(Configuration configuration) {
        Map<String, Object> properties = new TreeMap<>();
        Dictionary<String, Object> dictionary = configuration.getProperties();
        if (dictionary != null) {
            for (String key : Collections.list(dictionary.keys())) {
                properties.put(key, dictionary.get(key));
            }
        }
        return properties;
    }

    /** @return {@code value} with the characters an LDAP filter value reserves escaped (RFC 4515) */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
