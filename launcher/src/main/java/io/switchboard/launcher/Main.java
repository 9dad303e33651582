package io.switchboard.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * {@code java -jar switchboard.jar}: starts Felix with the properties and bundles bnd exported into
 * the jar, every bundle installed from its place in the jar ({@link CarriedBundles}), and stops the
 * framework in order when the JVM is asked to end.
 */
public final class Main {
    /** How long the JVM, asked to end, waits for the framework to stop. */
    private static final long STOP_WAIT_SECONDS = 30;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        CarriedBundles.readJarsAnew();
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Launch launch = Launch.read(Main.class.getClassLoader());
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework in " + jar))
                .newFramework(launch.frameworkProperties());
        // FileInstall warns about a folder it is told to watch that is not there yet, which on a first
        // start it is not: the home bundle only fills it.
        String watched = launch.frameworkProperties().get("felix.fileinstall.dir");
        if (watched != null) {
            Files.createDirectories(Path.of(watched));
        }
        framework.init();
        List<Bundle> bundles = new CarriedBundles(jar, launch.bundles()).install(framework.getBundleContext());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework), "switchboard-stop"));
        framework.start();
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    bundle.start(Bundle.START_ACTIVATION_POLICY);
                } catch (BundleException failed) {
                    // The others start still: the container runs with what works, as bnd's launcher did.
                    System.err.println("bundle " + bundle.getSymbolicName() + " did not start: " + failed);
                }
            }
        }
        FrameworkEvent stopped = framework.waitForStop(0);
        System.exit(stopped.getType() == FrameworkEvent.ERROR ? 1 : 0);
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        } catch (BundleException | InterruptedException failed) {
            System.err.println("the framework did not stop cleanly: " + failed);
        }
    }
}
