package io.switchboard.httpd.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Drives Pax Web's listener (PID {@value #PAX_WEB_PID}) from httpd's settings, so
 * {@code switchboard.httpd} is the one place a user sets it.
 */
final class PaxWebListener {
    static final String PAX_WEB_PID = "org.ops4j.pax.web";

    private final ConfigurationAdmin configAdmin;

    PaxWebListener(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
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
     * Hands the listener settings to Pax Web, which restarts its server only when they differ.
     *
     * @throws SettingRefusedException when the port changes to one that cannot be bound
     */
    void apply(HttpdSettings settings) throws IOException, SettingRefusedException {
        Configuration configuration = configAdmin.getConfiguration(PAX_WEB_PID, "?");
        Dictionary<String, Object> next = properties(settings);
        Dictionary<String, Object> current = configuration.getProperties();
        // Pax Web itself holds the port it already listens on: only a new port can be probed.
        if (current == null || !sameListener(current, next)) {
            checkBindable(settings);
        }
        configuration.updateIfDifferent(next);
    }

    private static boolean sameListener(Dictionary<String, Object> current, Dictionary<String, Object> next) {
        for (String key : new String[] { "org.osgi.service.http.enabled", "org.osgi.service.http.port",
                "org.osgi.service.http.secure.enabled", "org.osgi.service.http.port.secure" }) {
            if (!java.util.Objects.equals(current.get(key), next.get(key))) {
                return false;
            }
        }
        return true;
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
