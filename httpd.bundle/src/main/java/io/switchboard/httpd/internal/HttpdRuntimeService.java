package io.switchboard.httpd.internal;

import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import io.switchboard.httpd.HttpdEndpoint;
import io.switchboard.httpd.HttpdRuntime;
import io.switchboard.httpd.RootPath;

/**
 * The registered {@link HttpdRuntime}: its change count moves with every root, endpoint and
 * configuration change, and its properties show the endpoint ({@code httpd.endpoint},
 * {@code httpd.endpoint.port}) and the configuration in force ({@code httpd.config.<key>}).
 */
final class HttpdRuntimeService implements HttpdRuntime {
    private final RootRegistry registry;
    private final AtomicLong changeCount = new AtomicLong();
    private volatile HttpdEndpoint endpoint;
    private volatile HttpdSettings settings;
    private volatile ServiceRegistration<HttpdRuntime> registration;

    HttpdRuntimeService(RootRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<RootPath> roots() {
        return registry.list();
    }

    @Override
    public Optional<HttpdEndpoint> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    void endpoint(HttpdEndpoint now) {
        endpoint = now;
        changed();
    }

    void settings(HttpdSettings applied) {
        settings = applied;
        changed();
    }

    /**
     * Under the lock {@link #changed} takes: a change made while the service is being registered
     * (the endpoint, announced as soon as httpd binds a Pax Web that already serves) is published
     * once the registration is there, not lost between reading the properties and registering them.
     */
    synchronized void register(BundleContext context) {
        registration = context.registerService(HttpdRuntime.class, this, properties());
    }

    void unregister() {
        ServiceRegistration<HttpdRuntime> current = registration;
        registration = null;
        if (current != null) {
            current.unregister();
        }
    }

    synchronized void changed() {
        changeCount.incrementAndGet();
        ServiceRegistration<HttpdRuntime> current = registration;
        if (current != null) {
            try {
                current.setProperties(properties());
            } catch (IllegalStateException unregistered) {
                // deactivating: nobody is left to tell
            }
        }
    }

    private Hashtable<String, Object> properties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_CHANGECOUNT, changeCount.get());
        HttpdEndpoint now = endpoint;
        if (now != null) {
            properties.put(HttpdRuntime.ENDPOINT, now.uri().toString());
            properties.put(HttpdRuntime.ENDPOINT_PORT, now.port());
        }
        HttpdSettings applied = settings;
        if (applied != null) {
            applied.byKey().forEach((key, value) -> properties.put(HttpdRuntime.CONFIG_PREFIX + key, value));
        }
        return properties;
    }
}
