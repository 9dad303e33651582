package io.switchboard.mihttp.commands;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * {@code container:bundle_update} (alias {@code bundle_update}): updates the bundle with the id or
 * symbolic name {@code bundle} from the URL {@code location} when given (a hot swap:
 * {@code file:/path/new.jar}), else from where the framework would take it (its
 * {@code Bundle-UpdateLocation}, else the location it was installed from). The old revision stays wired
 * to its users until a {@code bundle_refresh}. Answers as {@code bundle_start} does, with the same
 * errors.
 * <p>
 * The new jar is read and checked before the framework is asked: the framework stops the bundle
 * before it reads, so a location it cannot read would cost an outage. A location that cannot be read,
 * or that holds no bundle, fails with 500 and leaves the bundle running as it was.
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
        Bundle bundle = bundles.find(params.string("bundle"));
        String location = params.optionalString("location").orElseGet(() -> ownLocation(bundle));
        byte[] jar = read(bundle, location);
        return bundles.change("update", params, target -> target.update(new ByteArrayInputStream(jar)));
    }

    private static String ownLocation(Bundle bundle) {
        String updateLocation = bundle.getHeaders().get(Constants.BUNDLE_UPDATELOCATION);
        return updateLocation != null ? updateLocation : bundle.getLocation();
    }

    /** @throws MiException 500 when {@code location} cannot be read or holds no bundle */
    private static byte[] read(Bundle bundle, String location) throws MiException {
        byte[] jar;
        try (InputStream in = new URL(location).openStream()) {
            jar = in.readAllBytes();
        } catch (IOException | IllegalArgumentException unreadable) {
            throw refused(bundle, location, "it cannot be read (" + unreadable + ")");
        }
        try (JarInputStream entries = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = entries.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                throw refused(bundle, location, "it holds no bundle (no " + Constants.BUNDLE_SYMBOLICNAME
                        + " in a manifest)");
            }
        } catch (IOException notAJar) {
            throw refused(bundle, location, "it is not a jar (" + notAJar.getMessage() + ")");
        }
        return jar;
    }

    private static MiException refused(Bundle bundle, String location, String why) {
        return new MiException(BundleOperations.FAILED, "bundle " + bundle.getBundleId() + " ("
                + bundle.getSymbolicName() + ") not updated from " + location + ": " + why + "; it runs as it was");
    }
}
