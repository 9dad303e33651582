package io.switchboard.mihttp.commands;

import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code container:bundle_stop} (alias {@code bundle_stop}): stops the bundle with the id or
 * symbolic name {@code bundle}. Answers the bundle as {@code bundle_list} shows it, with {@code status}
 * ({@link BundleOperations}: {@code done}, {@code running}, or {@code started} for mihttp itself).
 * Errors: 404 for an unknown bundle, -32602 for an ambiguous name, 500 when the framework refuses.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "container:bundle_stop", alias = "bundle_stop", description = "Stops a bundle",
        params = "bundle", admin = true)
public final class BundleStopCommand implements MiCommand {
    private final BundleOperations bundles;

    @Activate
    public BundleStopCommand(BundleContext context) {
        this.bundles = new BundleOperations(context);
    }

    @Override
    public Map<String, Object> execute(MiParams params) throws MiException {
        return bundles.change("stop", params, Bundle::stop);
    }
}
