package io.switchboard.mihttp.commands;

import java.io.IOException;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code container:config_delete} (alias {@code config_delete}): deletes the configuration with
 * {@code pid}; answers {@code {"pid": ..., "deleted": true}}. 404 when no configuration has that PID.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "container:config_delete", alias = "config_delete",
        description = "Deletes one configuration", params = "pid", admin = true)
public final class ConfigDeleteCommand implements MiCommand {
    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public ConfigDeleteCommand(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    @Override
    public Object execute(MiParams params) throws MiException, IOException {
        String pid = params.string("pid");
        Configurations.require(configurationAdmin, pid).delete();
        return Configurations.outcome(pid, "deleted", true);
    }
}
