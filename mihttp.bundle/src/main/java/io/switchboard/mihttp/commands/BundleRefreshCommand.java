package io.switchboard.mihttp.commands;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code container:bundle_refresh} (alias {@code bundle_refresh}): refreshes the bundle with the id or
 * symbolic name {@code bundle} and every bundle wired to it, or without {@code bundle} the bundles
 * pending removal (old revisions of updated or uninstalled bundles). Answers
 * {@code {"refreshed": [ids], "status": ...}} ({@link BundleOperations}); a refresh that reaches mihttp
 * answers {@code started} at once. Errors: 404 for an unknown bundle, -32602 for an ambiguous name.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "container:bundle_refresh", alias = "bundle_refresh",
        description = "Refreshes a bundle and its dependents, or the bundles pending removal",
        params_optional = "bundle", admin = true)
public final class BundleRefreshCommand implements MiCommand {
    private final BundleOperations bundles;

    @Activate
    public BundleRefreshCommand(BundleContext context) {
        this.bundles = new BundleOperations(context);
    }

    @Override
    public Map<String, Object> execute(MiParams params) throws MiException {
        Optional<String> bundle = params.optionalString("bundle");
        return bundles.refresh(bundle.isPresent() ? List.of(bundles.find(bundle.get())) : null);
    }
}
