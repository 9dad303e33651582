package io.switchboard.itest.xhttp;

import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Loopback;
import io.switchboard.xhttp.HttpEvent;
import io.switchboard.xhttp.HttpEventHandler;

/** Registers event handlers the way a third-party bundle does, and puts xhttp's defaults back. */
final class Events {
    static final String XHTTP_PID = "switchboard.xhttp";

    private Events() {
    }

    static ServiceRegistration<HttpEventHandler> register(BundleContext context, String route, String name,
            HttpEventHandler handler) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpEventHandler.ROUTE, route);
        if (name != null) {
            properties.put(HttpEventHandler.CALLBACK, name);
        }
        return context.registerService(HttpEventHandler.class, handler, properties);
    }

    /** Writes xhttp's defaults back and waits until they are in force. */
    static void restoreXhttpDefaults(BundleContext context, int port) throws Exception {
        Configs.update(XHTTP_PID, Map.of());
        // Defaults raise every URL on the best-ranked handler: a top-ranked probe proves them in force.
        Hashtable<String, Object> top = new Hashtable<>(Map.of(HttpEventHandler.ROUTE, HttpEventHandler.XHTTP,
                Constants.SERVICE_RANKING, Integer.MAX_VALUE));
        ServiceRegistration<HttpEventHandler> probe = context.registerService(HttpEventHandler.class, echo("probe"),
                top);
        try {
            Configs.await("xhttp defaults in force", Duration.ofSeconds(10),
                    () -> Loopback.get(port, "/RPC2/probe").body().startsWith("probe|"));
        } finally {
            probe.unregister();
        }
    }

    /** A handler that replies with its name, the method, the URL and the version. */
    static HttpEventHandler echo(String name) {
        return event -> event.reply(200, "OK", "text/plain",
                name + "|" + event.route() + "|" + event.method() + "|" + event.url() + "|" + event.protocol());
    }

    /** Replies with the status a path names, {@code /status/404}; stays silent on {@code /silent}; else 200. */
    static void statusFromPath(HttpEvent event) {
        if (event.url().startsWith("/status/")) {
            event.reply(Integer.parseInt(event.url().substring("/status/".length())), "", "text/plain", "status");
        } else if (!event.url().equals("/silent")) {
            event.reply(200, "OK", "text/plain", "other");
        }
    }
}
