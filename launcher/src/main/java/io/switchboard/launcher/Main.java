package io.switchboard.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import com.sun.management.HotSpotDiagnosticMXBean;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * {@code java -jar switchboard.jar}: lays out the working folder, starts Felix with the properties and
 * bundles bnd exported into the jar, every bundle installed from its place in the jar
 * ({@link CarriedBundles}), logging first; stops the framework gracefully on SIGTERM or SIGINT
 * ({@link StopOnSignal}), and exits 0 once it has stopped.
 * <p>
 * The launcher logs through {@code java.util.logging}, which pax-logging takes over when it starts:
 * its lines reach the console and the log file in the same format as every bundle's.
 */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    /** How long the JVM, asked to end some other way (SIGHUP, System.exit), waits for the framework to stop. */
    private static final long STOP_WAIT_SECONDS = 30;
    private static final String VERSION_RESOURCE = "switchboard-version.properties";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        CarriedBundles.readJarsAnew();
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Launch launch = Launch.read(Main.class.getClassLoader());
        Map<String, String> properties = new HashMap<>(launch.frameworkProperties());
        Path home = Path.of("").toAbsolutePath();
        WorkingFolder folder = WorkingFolder.layOut(home, properties.getOrDefault("felix.fileinstall.dir", "etc"), jar);
        // pax-logging reads its configuration from etc/ when it starts, not once ConfigAdmin has it:
        // nothing it logs before that is lost or printed in another format.
        properties.put("org.ops4j.pax.logging.property.file", folder.loggingConfiguration().toString());
        if (System.console() == null) {
            // No terminal (a service manager, a container, a pipe): no shell prompt, which would only
            // print its banner and end.
            properties.put("gosh.args", (properties.getOrDefault("gosh.args", "") + " --nointeractive").trim());
        }
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework in " + jar))
                .newFramework(properties);
        framework.init();
        List<Bundle> bundles = new CarriedBundles(jar, launch.bundles()).install(framework.getBundleContext());
        StartOrder.assign(bundles);
        List<Bundle> logging = StartOrder.logging(bundles);
        sayWhenOnlyLoggingIsLeft(framework, logging);
        // A signal before the framework runs ends the JVM the usual way, through this hook.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework), "switchboard-stop"));
        framework.start();
        StopOnSignal.install(framework);
        logging.forEach(bundle -> start(framework, bundle));
        LOG.info(() -> "Switchboard " + version() + " (Felix " + framework.getVersion() + ", Java "
                + Runtime.version() + ") in " + home);
        LOG.info(() -> "logs go to the console" + folder.logFiles().stream().map(file -> " and " + file)
                .collect(Collectors.joining()) + " (" + folder.loggingConfiguration() + ")");
        if (!folder.written().isEmpty()) {
            LOG.info(() -> "first start here: wrote the default configuration into " + folder.loggingConfiguration()
                    .getParent() + " (" + folder.written().size() + " files)");
        }
        // Resolved together before any starts: FileInstall, once started, installs and resolves what is in
        // deploy/ on a thread of its own, and a bundle that must resolve while it starts could then not
        // take the framework's resolve lock ("Unable to acquire global lock for resolve").
        framework.adapt(FrameworkWiring.class).resolveBundles(bundles);
        raiseStartLevel(framework);
        bundles.forEach(bundle -> start(framework, bundle));
        LOG.info(() -> "Switchboard started in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        // After the start, which the settings would only slow (a smaller heap collects more often).
        String idleHeap = IdleHeap.apply(() -> ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
        LOG.info(() -> "idle heap: " + idleHeap);
        FrameworkEvent stopped = framework.waitForStop(0);
        System.exit(stopped.getType() == FrameworkEvent.ERROR ? 1 : 0);
    }

    /**
     * Logging stops last: the line it takes last says the framework stopped everything else, once
     * nothing else can log any more.
     */
    private static void sayWhenOnlyLoggingIsLeft(Framework framework, List<Bundle> logging) {
        AtomicBoolean said = new AtomicBoolean();
        framework.getBundleContext().addBundleListener((SynchronousBundleListener) event -> {
            if (event.getType() == BundleEvent.STOPPING && logging.contains(event.getBundle())
                    && framework.getState() == Bundle.STOPPING && said.compareAndSet(false, true)) {
                LOG.info("Switchboard stopped: every bundle but logging has stopped; the process ends");
            }
        });
    }

    private static void start(Framework framework, Bundle bundle) {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null || framework.getState() != Bundle.ACTIVE) {
            // A fragment is not started; a framework told to stop meanwhile starts nothing more.
            return;
        }
        try {
            bundle.start(Bundle.START_ACTIVATION_POLICY);
        } catch (BundleException failed) {
            // The others start still: the container runs with what works, as bnd's launcher did.
            LOG.severe("bundle " + bundle.getSymbolicName() + " did not start: " + failed);
        }
    }

    /**
     * Lets every level start, so that the bundles then start in the jar's order. Felix tells the
     * listener only while the framework is active: a stop meanwhile ends the wait too.
     */
    private static void raiseStartLevel(Framework framework) throws InterruptedException {
        CountDownLatch raised = new CountDownLatch(1);
        framework.adapt(FrameworkStartLevel.class).setStartLevel(StartOrder.FULL, event -> raised.countDown());
        while (!raised.await(100, TimeUnit.MILLISECONDS) && framework.getState() == Bundle.ACTIVE) {
            // the start level service works through the levels
        }
    }

    private static String version() {
        Properties version = new Properties();
        try (InputStream in = Main.class.getClassLoader().getResourceAsStream(VERSION_RESOURCE)) {
            if (in != null) {
                version.load(in);
            }
        } catch (IOException unreadable) {
            // said below
        }
        return version.getProperty("version", "(version unknown)");
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
