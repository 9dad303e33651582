package io.switchboard.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * The bundles the runnable jar carries, installed from their place in it: each one's location is a
 * {@code jar:} URL into the jar, so {@code Bundle.update()} without a stream reads it again (a jar
 * rebuilt in place gives the new build). What the framework already has from an earlier start is
 * kept, and updated when the jar now carries other bytes for it.
 */
final class CarriedBundles {
    /** Where, in the framework's storage, the checksum each location was installed with is kept. */
    static final String CHECKSUMS = "carried-bundles.properties";

    private final Path jar;
    private final List<String> paths;

    /**
     * @param jar the runnable jar
     * @param paths the bundles' paths inside it
     */
    CarriedBundles(Path jar, List<String> paths) {
        this.jar = jar.toAbsolutePath();
        this.paths = paths;
    }

    /**
     * Makes {@code jar:} URLs read their jar anew each time, for the whole JVM: an update must read a
     * jar rebuilt in place, not a cache of the old one.
     */
    static void readJarsAnew() {
        URLConnection.setDefaultUseCaches("jar", false);
    }

    /** @return the location of the bundle at {@code path} in the jar */
    String location(String path) {
        return "jar:" + jar.toUri() + "!/" + path;
    }

    /**
     * Installs the bundles the framework does not have yet, updates those whose bytes changed in the
     * jar since they were installed, and uninstalls those an earlier runnable jar carried and this
     * one does not (a jar moved elsewhere carries the same bundles under new locations).
     *
     * @return the jar's bundles, in the jar's order
     */
    List<Bundle> install(BundleContext system) throws IOException, BundleException {
        Path checksumFile = system.getDataFile(CHECKSUMS).toPath();
        Properties checksums = load(checksumFile);
        Set<String> locations = new HashSet<>();
        paths.forEach(path -> locations.add(location(path)));
        for (Bundle bundle : system.getBundles()) {
            if (carriedByALauncher(bundle.getLocation()) && !locations.contains(bundle.getLocation())) {
                checksums.remove(bundle.getLocation());
                bundle.uninstall();
            }
        }
        List<Bundle> bundles = new ArrayList<>();
        try (JarFile self = new JarFile(jar.toFile())) {
            for (String path : paths) {
                ZipEntry entry = self.getEntry(path);
                if (entry == null) {
                    throw new IOException(path + " is missing from " + jar);
                }
                String location = location(path);
                String checksum = Long.toHexString(entry.getCrc());
                Bundle bundle = system.getBundle(location);
                // Read from the jar already open here: through its location, each bundle opened the jar anew.
                if (bundle == null) {
                    bundle = system.installBundle(location, self.getInputStream(entry));
                } else if (!checksum.equals(checksums.getProperty(location))) {
                    bundle.update(self.getInputStream(entry));
                }
                checksums.setProperty(location, checksum);
                bundles.add(bundle);
            }
        }
        try (OutputStream out = Files.newOutputStream(checksumFile)) {
            checksums.store(out, "the checksum of each bundle in the runnable jar when it was installed");
        }
        return bundles;
    }

    /**
     * @return whether a runnable jar's launcher installed the bundle: this one (a {@code jar:} URL into
     *         its {@code jar/} folder) or bnd's (a bare {@code jar/...} path, which no update can read)
     */
    private static boolean carriedByALauncher(String location) {
        return location.startsWith("jar/") || location.startsWith("jar:") && location.contains("!/jar/");
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
        }
        return properties;
    }
}
