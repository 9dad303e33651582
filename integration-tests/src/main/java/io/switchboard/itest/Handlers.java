package io.switchboard.itest;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import io.switchboard.httpd.RootHandler;

/** Registers root handlers the way a third-party bundle does. */
public final class Handlers {
    private Handlers() {
    }

    public static ServiceRegistration<RootHandler> register(BundleContext context, String root, RootHandler handler) {
        return register(context, root, 0, handler);
    }

    public static ServiceRegistration<RootHandler> register(BundleContext context, String root, int ranking,
            RootHandler handler) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(RootHandler.ROOT, root);
        properties.put(Constants.SERVICE_RANKING, ranking);
        return context.registerService(RootHandler.class, handler, properties);
    }

    /** A handler that answers 200 with its name, the path below the root and the query. */
    public static RootHandler echo(String name) {
        return (request, response) -> response.send(200, "text/plain",
                name + "|" + request.root() + "|" + request.path() + "|" + request.query());
    }
}
