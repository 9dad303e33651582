package io.switchboard.mihttp.commands;

import java.io.IOException;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code container:config_set} (alias {@code config_set}): changes the configuration with {@code pid},
 * creating it when missing. {@code properties} is a JSON object, or a string holding one (as the web
 * page's forms and the shell send it). It is merged into what the configuration holds: a key given
 * replaces its value, a key given as {@code null} is removed, keys not given stay; values keep their JSON
 * types ({@link ConfigValues}). The keys ConfigAdmin itself manages ({@code service.pid},
 * {@code service.factoryPid}, {@code service.bundleLocation}) are ignored, so {@code config_get}'s output
 * can be sent back as it is.
 * <p>
 * A PID of the form {@code factoryPid~name} is a named factory configuration, created with
 * {@code getFactoryConfiguration(factoryPid, name, "?")}; ConfigAdmin gives it that same PID, which
 * {@code config_get} and {@code config_delete} then take. New configurations get the location
 * {@code "?"} so that whichever bundle the PID belongs to can bind them.
 * <p>
 * Answers {@code {"pid": ..., "created": true|false}}. Errors: -32602 when {@code properties} is not an
 * object or holds a value no configuration can (a nested object, a mixed array).
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "container:config_set", alias = "config_set",
        description = "Creates or changes a configuration: merges the properties given (null removes a key)",
        params = { "pid", "properties" }, admin = true)
public final class ConfigSetCommand implements MiCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigSetCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MANAGED = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public ConfigSetCommand(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    /** Synchronized: merging is a read-modify-write, so two calls at once must not lose one. */
    @Override
    public synchronized Object execute(MiParams params) throws MiException, IOException {
        String pid = params.string("pid");
        if (pid.isBlank()) {
            throw MiException.invalidParams("parameter 'pid' is empty");
        }
        Map<String, Object> changes = changes(params.get("properties"));
        Configuration configuration = Configurations.find(configurationAdmin, pid).orElse(null);
        boolean created = configuration == null;
        if (created) {
            int tilde = pid.indexOf('~');
            configuration = tilde > 0 ? configurationAdmin.getFactoryConfiguration(pid.substring(0, tilde), pid.substring(tilde + 1), "?")
                    : configurationAdmin.getConfiguration(pid, "?");
        }
        Map<String, Object> merged = Configurations.properties(configuration);
        changes.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        configuration.update(new Hashtable<>(merged));
        LOG.info("configuration {} {} through the MI", configuration.getPid(), created ? "created" : "changed");
        return Configurations.outcome(configuration.getPid(), "created", created);
    }

    /** @return the configuration values by key, {@code null} for a key to remove; checked before anything changes */
    private static Map<String, Object> changes(Object properties) throws MiException {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : properties(properties).entrySet()) {
            String key = entry.getKey().toString();
            if (!MANAGED.contains(key)) {
                changes.put(key, entry.getValue() == null ? null : ConfigValues.fromJson(key, entry.getValue()));
            }
        }
        return changes;
    }

    private static Map<?, ?> properties(Object value) throws MiException {
        Object parsed = value;
        if (value instanceof String text) {
            try {
                parsed = JSON.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                throw MiException.invalidParams("parameter 'properties' is not JSON: " + e.getOriginalMessage());
            }
        }
        if (parsed instanceof Map<?, ?> map) {
            return map;
        }
        throw MiException.invalidParams("parameter 'properties' must be a JSON object of configuration properties");
    }
}
