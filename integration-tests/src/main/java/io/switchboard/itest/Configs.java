package io.switchboard.itest;

import java.io.IOException;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.Callable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/** Configurations written through ConfigAdmin, and bounded waits for their effect. */
public final class Configs {
    private Configs() {
    }

    public static void update(String pid, Map<String, ?> properties) throws IOException, InterruptedException {
        admin(admin -> admin.getConfiguration(pid, "?")).update(new Hashtable<>(properties));
    }

    /** Creates or updates the factory configuration {@code factoryPid~name}; delete it when done. */
    public static Configuration factory(String factoryPid, String name, Map<String, ?> properties)
            throws IOException, InterruptedException {
        Configuration configuration = admin(admin -> admin.getFactoryConfiguration(factoryPid, name, "?"));
        configuration.update(new Hashtable<>(properties));
        return configuration;
    }

    private interface AdminCall {
        Configuration call(ConfigurationAdmin admin) throws IOException;
    }

    private static Configuration admin(AdminCall call) throws IOException, InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(Configs.class).getBundleContext();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> tracker = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        tracker.open();
        try {
            return call.call(tracker.waitForService(10_000));
        } finally {
            tracker.close();
        }
    }

    /** Asks {@code condition} every 50 ms until it holds; fails after {@code timeout}. */
    public static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception notYet) {
                last = notYet;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + " did not happen within " + timeout + (last == null ? "" : ": " + last));
    }
}
