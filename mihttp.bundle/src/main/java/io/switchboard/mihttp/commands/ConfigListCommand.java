package io.switchboard.mihttp.commands;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code container:config_list} (alias {@code config_list}): the configurations ConfigAdmin holds, by
 * PID, each {@code {"pid": ..., "factory_pid": ... or null, "bundle_location": ... or null}}. The
 * optional {@code filter} is an LDAP filter over their properties, e.g. {@code (port=8888)}; an invalid
 * one is -32602. Admin only: a filter such as {@code (tls_keystore_password=a*)} would let anyone read
 * secret values one character at a time.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "container:config_list", alias = "config_list",
        description = "Lists the configurations, optionally those matching an LDAP filter", params_optional = "filter",
        admin = true)
public final class ConfigListCommand implements MiCommand {
    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public ConfigListCommand(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    @Override
    public Object execute(MiParams params) throws MiException, IOException {
        String filter = params.optionalString("filter").filter(f -> !f.isBlank()).orElse(null);
        Configuration[] found;
        try {
            // The framework's parser first: Felix ConfigAdmin's own fails on some invalid filters with runtime errors.
            if (filter != null) {
                FrameworkUtil.createFilter(filter);
            }
            found = configurationAdmin.listConfigurations(filter);
        } catch (InvalidSyntaxException e) {
            throw MiException.invalidParams("filter " + filter + " is not a valid LDAP filter: " + e.getMessage());
        }
        List<Configuration> configurations = found == null ? List.of() : Arrays.asList(found);
        return configurations.stream().sorted(Comparator.comparing(Configuration::getPid)).map(configuration -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("pid", configuration.getPid());
            entry.put("factory_pid", configuration.getFactoryPid());
            entry.put("bundle_location", configuration.getBundleLocation());
            return entry;
        }).toList();
    }
}
