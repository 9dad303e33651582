package io.switchboard.mihttp.commands;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code container:config_get} (alias {@code config_get}): the properties of the configuration with
 * {@code pid}, as an object by key with JSON-typed values ({@link ConfigValues}), the shape
 * {@code config_set} takes. Admin-only: configurations hold secrets such as TLS passwords. 404 when no
 * configuration has that PID.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "container:config_get", alias = "config_get",
        description = "Shows the properties of one configuration", params = "pid", admin = true)
public final class ConfigGetCommand implements MiCommand {
    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public ConfigGetCommand(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    @Override
    public Object execute(MiParams params) throws MiException, IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        Configurations.properties(Configurations.require(configurationAdmin, params.string("pid")))
                .forEach((key, value) -> properties.put(key, ConfigValues.toJson(value)));
        return properties;
    }
}
