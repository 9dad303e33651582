package io.switchboard.mihttp.commands;

import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiParams;

/**
 * {@code version}, as OpenSIPS core has it: {@code {"Server": "Switchboard <mihttp's version> (Java
 * <version>, <framework> <version>)"}}, the mihttp bundle standing for the product as OpenSIPS's core
 * does for its.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "version", description = "Prints the version string of the running Switchboard")
public final class VersionCommand implements MiCommand {
    private final Map<String, Object> version;

    @Activate
    public VersionCommand(BundleContext context) {
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        String name = "org.apache.felix.framework".equals(framework.getSymbolicName()) ? "Felix" : framework.getSymbolicName();
        version = Map.of("Server", "Switchboard " + context.getBundle().getVersion() + " (Java "
                + System.getProperty("java.version") + ", " + name + " " + framework.getVersion() + ")");
    }

    @Override
    public Object execute(MiParams params) {
        return version;
    }
}
