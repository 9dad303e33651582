package io.switchboard.mihttp.commands;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
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
 * before it reads, so a location it cannot read would cost an outage. A location that cannot be read
 * (10 s to connect, 30 s without a byte, 256 MiB at most), that holds no bundle, a fragment for a
 * bundle, or a symbolic name and version another bundle has, fails with 500 and leaves the bundle
 * running as it was.
 */
@Component(service = MiCommand.class)
@MiCommandSpec(command = "container:bundle_update", alias = "bundle_update",
        description = "Updates a bundle from its location or from the URL given", params = "bundle",
        params_optional = "location", admin = true)
public final class BundleUpdateCommand implements MiCommand {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final int MAX_JAR_BYTES = 256 << 20;

    private final BundleContext context;
    private final BundleOperations bundles;

    @Activate
    public BundleUpdateCommand(BundleContext context) {
        this.context = context;
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

    /**
     * @throws MiException 500 when {@code location} cannot be read (within the time and size bounds),
     *         holds no bundle, or holds one the framework would refuse once it had stopped this one
     */
    private byte[] read(Bundle bundle, String location) throws MiException {
        byte[] jar;
        try {
            URLConnection connection = new URL(location).openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            try (InputStream in = connection.getInputStream()) {
                jar = in.readNBytes(MAX_JAR_BYTES + 1);
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            throw refused(bundle, location, "it cannot be read (" + unreadable + ")");
        }
        if (jar.length > MAX_JAR_BYTES) {
            throw refused(bundle, location, "it is larger than " + MAX_JAR_BYTES + " bytes");
        }
        Attributes manifest;
        try (JarInputStream entries = new JarInputStream(new ByteArrayInputStream(jar))) {
            manifest = entries.getManifest() == null ? null : entries.getManifest().getMainAttributes();
        } catch (IOException notAJar) {
            throw refused(bundle, location, "it is not a jar (" + notAJar.getMessage() + ")");
        }
        String name = manifest == null ? null : manifest.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (name == null) {
            throw refused(bundle, location, "it holds no bundle (no " + Constants.BUNDLE_SYMBOLICNAME + " in a manifest)");
        }
        if (manifest.getValue(Constants.FRAGMENT_HOST) != null && bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
            throw refused(bundle, location, "it holds a fragment, which would not run as the bundle does");
        }
        String symbolicName = name.split(";", 2)[0].trim();
        Version version;
        try {
            version = Version.parseVersion(manifest.getValue(Constants.BUNDLE_VERSION));
        } catch (IllegalArgumentException badVersion) {
            throw refused(bundle, location, "its " + Constants.BUNDLE_VERSION + " is not a version (" + badVersion.getMessage() + ")");
        }
        for (Bundle other : context.getBundles()) {
            if (other.getBundleId() != bundle.getBundleId() && symbolicName.equals(other.getSymbolicName())
                    && version.equals(other.getVersion())) {
                throw refused(bundle, location, "bundle " + other.getBundleId() + " already is " + symbolicName + " "
                        + version);
            }
        }
        return jar;
    }

    private static MiException refused(Bundle bundle, String location, String why) {
        return new MiException(BundleOperations.FAILED, "bundle " + bundle.getBundleId() + " ("
                + bundle.getSymbolicName() + ") not updated from " + location + ": " + why + "; it runs as it was");
    }
}
