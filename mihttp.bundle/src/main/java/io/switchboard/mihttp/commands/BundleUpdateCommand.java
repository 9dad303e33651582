package io.switchboard.mihttp.commands;

import java.io.InputStream;
import java.net.URL;
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
 * {@code container:bundle_update} (alias {@code bundle_update}): updates the bundle with the id or
 * symbolic name {@code bundle} from where it was installed, or from the URL {@code location} when given
 * (a hot swap: {@code file:/path/new.jar}). The old revision stays wired to its users until a
 * {@code bundle_refresh}. Answers as {@code bundle_start} does, with the same errors; an unreadable
 * {@code location} fails with 500.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "container:bundle_update", alias = "bundle_update",
        description = "Updates a bundle from its location or from the URL given", params = "bundle",
        params_optional = "location", admin = true)
public final class BundleUpdateCommand implements MiCommand {
    private final BundleOperations bundles;

    @Activate
    public BundleUpdateCommand(BundleContext context) {
        this.bundles = new BundleOperations(context);
    }

    @Override
    public Map<String, Object> execute(MiParams params) throws MiException {
        Optional<String> location = params.optionalString("location");
        return bundles.change("update", params, bundle -> {
            if (location.isEmpty()) {
                bundle.update();
                return;
            }
            try (InputStream jar = new URL(location.get()).openStream()) {
                bundle.update(jar);
            }
        });
    }
}
