package io.switchboard.itest;

import java.io.IOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import io.switchboard.httpd.HttpdRuntime;

/**
 * The httpd every test talks to: configured once on a free loopback port, reconfigured by the tests
 * that need to, always waited for through the runtime service rather than with sleeps.
 */
public final class Httpd {
    public static final String PID = "switchboard.httpd";
    private static int port;

    private Httpd() {
    }

    /** @return the port httpd serves on, configuring it on first use */
    public static synchronized int port() throws Exception {
        if (port == 0) {
            int free = Loopback.freePort();
            configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(free)));
            port = free;
        }
        return port;
    }

    /**
     * The defaults of the keys the runtime shows, but max_threads (it depends on the machine): a
     * configuration that leaves a key out is in force once the runtime shows its default, not as soon
     * as it shows the keys it names, which may be those of the configuration before.
     */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("ip", ""), Map.entry("port", "8888"),
            Map.entry("buf_size", "0"), Map.entry("post_buf_size", "1024"), Map.entry("max_body_size", "16777216"),
            Map.entry("max_form_size", "200000"), Map.entry("max_form_keys", "1000"),
            Map.entry("body_timeout", "10000"), Map.entry("idle_timeout", "30000"),
            Map.entry("async_timeout", "30000"), Map.entry("swap_hold", "5000"), Map.entry("https", "false"),
            Map.entry("latency_buckets", "0.001,0.0025,0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10"),
            Map.entry("statistics", "all"));

    /** Replaces httpd's configuration and waits until it is in force and serving. */
    public static void configure(Map<String, String> properties) throws Exception {
        update(properties);
        Map<String, String> expected = new java.util.TreeMap<>(DEFAULTS);
        expected.putAll(properties);
        if (!properties.containsKey("swap_hold")) {
            // An unset swap_hold gives way to a shorter idle_timeout.
            expected.put("swap_hold", Integer.toString(Math.min(5000, Integer.parseInt(expected.get("idle_timeout")))));
        }
        StringBuilder applied = new StringBuilder();
        // The runtime shows every key but the TLS ones, which would publish a password.
        expected.entrySet().stream().filter(e -> !e.getKey().startsWith("tls_") && !e.getValue().isEmpty()).forEach(e -> applied
                .append("(httpd.config.").append(e.getKey()).append('=').append(e.getValue()).append(')'));
        // The scheme tells an HTTPS listener from the HTTP one it replaces on the same port.
        String scheme = "true".equals(properties.get("https")) ? "https" : "http";
        await("(httpd.endpoint=" + scheme + "://127.0.0.1:" + properties.getOrDefault("port", "8888") + "/)" + applied,
                Duration.ofSeconds(30));
    }

    /** Replaces httpd's configuration without waiting for any effect. */
    public static void update(Map<String, String> properties) throws IOException {
        BundleContext context = FrameworkUtil.getBundle(Httpd.class).getBundleContext();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> tracker = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        tracker.open();
        try {
            ConfigurationAdmin admin = tracker.waitForService(10_000);
            Configuration configuration = admin.getConfiguration(PID, "?");
            Dictionary<String, Object> dictionary = new Hashtable<>(properties);
            configuration.update(dictionary);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException(interrupted);
        } finally {
            tracker.close();
        }
    }

    /** Waits until httpd's runtime service matches {@code filter}: its endpoint and configuration. */
    public static HttpdRuntime await(String filter, Duration timeout) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(Httpd.class).getBundleContext();
        ServiceTracker<HttpdRuntime, HttpdRuntime> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + HttpdRuntime.class.getName() + ")" + filter + ")"), null);
        tracker.open();
        try {
            HttpdRuntime runtime = tracker.waitForService(timeout.toMillis());
            if (runtime == null) {
                StringBuilder seen = new StringBuilder();
                for (var reference : context.getServiceReferences(HttpdRuntime.class, null)) {
                    for (String key : reference.getPropertyKeys()) {
                        if (key.startsWith(HttpdRuntime.ENDPOINT) || key.equals(HttpdRuntime.CONFIG_PREFIX + "port")) {
                            seen.append(key).append('=').append(reference.getProperty(key)).append(' ');
                        }
                    }
                }
                throw new AssertionError("httpd's runtime did not match " + filter + " within " + timeout
                        + "; it shows " + (seen.length() == 0 ? "nothing" : seen.toString().trim()));
            }
            return runtime;
        } finally {
            tracker.close();
        }
    }
}
