package io.switchboard.httpd.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.support.settings.SettingRefusedException;

/**
 * Drives Pax Web's listener (PID {@value #PAX_WEB_PID}) from httpd's settings, so
 * {@code switchboard.httpd} is the one place a user sets it.
 * <p>
 * Settings are handed over only while httpd's handler is in service: Pax Web restarts its server for
 * each change, and so it does when httpd's handler comes; a restart while the previous one is still
 * being set up loses whiteboard servlets for good (seen with Pax Web 11.1.0 when the first
 * configuration arrived right after start). A hand-over waits for the handler, or
 * {@value #READY_WAIT_SECONDS} s at most.
 */
final class PaxWebListener {
    static final String PAX_WEB_PID = "org.ops4j.pax.web";
    private static final Logger LOG = LoggerFactory.getLogger(PaxWebListener.class);
    private static final long READY_WAIT_SECONDS = 5;

    private final ConfigurationAdmin configAdmin;
    private final ScheduledExecutorService executor;
    /** Settings not yet handed over; guarded by {@code this}. */
    private HttpdSettings pending;
    /** Whether httpd's handler is in service; guarded by {@code this}. */
    private boolean deployed;

    /** Told when a hand-over leaves Pax Web's server as it was: no restart, no redeployment follows. */
    private final Runnable unchanged;

    PaxWebListener(ConfigurationAdmin configAdmin, ScheduledExecutorService executor, Runnable unchanged) {
        this.configAdmin = configAdmin;
        this.executor = executor;
        this.unchanged = unchanged;
    }

    /** Queues {@code settings} for Pax Web: now if httpd's handler is in service, else once it is. */
    synchronized void apply(HttpdSettings settings) {
        pending = settings;
        if (deployed) {
            submit();
        } else {
            try {
                executor.schedule(this::handOverStale, READY_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (RejectedExecutionException deactivated) {
                // httpd is going away: nothing to hand over
            }
        }
    }

    /** Tells whether httpd's handler is in service in Pax Web's current server. */
    synchronized void deployed(boolean now) {
        deployed = now;
        if (now && pending != null) {
            submit();
        }
    }

    private synchronized void handOverStale() {
        if (pending != null) {
            LOG.debug("httpd's handler is not in service after {} s; handing the listener settings over anyway",
                    READY_WAIT_SECONDS);
            submit();
        }
    }

    private void submit() {
        HttpdSettings settings = pending;
        pending = null;
        try {
            executor.execute(() -> {
                try {
                    if (!handOver(settings)) {
                        unchanged.run();
                    }
                } catch (IOException | RuntimeException failed) {
                    LOG.error("the listener settings of {} could not be handed to {}", HttpdSettings.PID, PAX_WEB_PID,
                            failed);
                    unchanged.run();
                }
            });
        } catch (RejectedExecutionException deactivated) {
            // httpd is going away: nothing to hand over
        }
    }

    /**
     * Checks that a new port can be bound before Pax Web is told: Pax Web stops the old listener
     * first and does not bring it back when the new one fails to bind.
     *
     * @throws SettingRefusedException when the address and port are taken or cannot be bound
     */
    static void checkBindable(HttpdSettings settings) throws SettingRefusedException {
        try (ServerSocket probe = new ServerSocket()) {
            InetAddress address = settings.ip().isEmpty() ? null : InetAddress.getByName(settings.ip());
            probe.bind(new InetSocketAddress(address, settings.port()));
        } catch (IOException taken) {
            throw new SettingRefusedException(HttpdSettings.PID, "port", settings.port(),
                    "must be free to bind on " + (settings.ip().isEmpty() ? "all addresses" : settings.ip()) + " ("
                            + taken.getMessage() + ")");
        }
    }

    /**
     * Checks that Pax Web can take {@code settings}.
     *
     * @throws SettingRefusedException when the port changes to one that cannot be bound
     */
    void check(HttpdSettings settings) throws IOException, SettingRefusedException {
        Dictionary<String, Object> current = configAdmin.getConfiguration(PAX_WEB_PID, "?").getProperties();
        // Pax Web itself holds the port it already listens on: only a new port can be probed.
        if (current == null || listeningPort(current) != settings.port()) {
            checkBindable(settings);
        }
    }

    /**
     * Hands the listener settings to Pax Web, which restarts its server only when they differ.
     *
     * @return {@code true} when they differed
     */
    private boolean handOver(HttpdSettings settings) throws IOException {
        Configuration configuration = configAdmin.getConfiguration(PAX_WEB_PID, "?");
        return configuration.updateIfDifferent(properties(settings));
    }

    /** @return the port Pax Web listens on under {@code current}, or -1 */
    private static int listeningPort(Dictionary<String, Object> current) {
        boolean secure = "true".equals(String.valueOf(current.get("org.osgi.service.http.secure.enabled")));
        Object port = current.get(secure ? "org.osgi.service.http.port.secure" : "org.osgi.service.http.port");
        try {
            return Integer.parseInt(String.valueOf(port));
        } catch (NumberFormatException none) {
            return -1;
        }
    }

    static Dictionary<String, Object> properties(HttpdSettings settings) {
        Hashtable<String, Object> p = new Hashtable<>();
        String port = Integer.toString(settings.port());
        p.put("org.ops4j.pax.web.listening.addresses", settings.ip().isEmpty() ? "0.0.0.0" : settings.ip());
        p.put("org.ops4j.pax.web.server.connector.idleTimeout", Integer.toString(settings.idleTimeout()));
        p.put("org.ops4j.pax.web.server.maxThreads", Integer.toString(settings.maxThreads()));
        p.put("org.ops4j.pax.web.server.minThreads", Integer.toString(Math.min(8, settings.maxThreads())));
        p.put("org.ops4j.pax.web.server.showStacks", "false");
        HttpdSettings.Tls tls = settings.tls();
        p.put("org.osgi.service.http.enabled", Boolean.toString(tls == null));
        p.put("org.osgi.service.http.secure.enabled", Boolean.toString(tls != null));
        if (tls == null) {
            p.put("org.osgi.service.http.port", port);
            p.put("org.osgi.service.http.port.secure", "0");
        } else {
            p.put("org.osgi.service.http.port", "0");
            p.put("org.osgi.service.http.port.secure", port);
            p.put("org.ops4j.pax.web.ssl.keystore", tls.keystore());
            p.put("org.ops4j.pax.web.ssl.keystore.password", tls.keystorePassword());
            p.put("org.ops4j.pax.web.ssl.keystore.type", tls.keystoreType());
            p.put("org.ops4j.pax.web.ssl.key.password", tls.keyPassword());
        }
        return p;
    }
}
