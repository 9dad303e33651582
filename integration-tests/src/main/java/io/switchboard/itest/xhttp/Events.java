package io.switchboard.itest.xhttp;

import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.switchboard.xhttp.HttpEventHandler;

/** Registers event handlers the way a third-party bundle does. */
final class Events {
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

    /** A handler that replies with its name, the method, the URL and the version. */
    static HttpEventHandler echo(String name) {
        return event -> event.reply(200, "OK", "text/plain",
                name + "|" + event.route() + "|" + event.method() + "|" + event.url() + "|" + event.protocol());
    }
}
