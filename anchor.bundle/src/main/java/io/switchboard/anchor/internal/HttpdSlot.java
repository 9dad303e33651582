package io.switchboard.anchor.internal;

import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.anchor.HttpdAnchor;

/**
 * httpd's place in Pax Web's server, registered once: Pax Web restarts its server when a Jetty handler
 * service comes or goes, which is why httpd does not register one itself. The best-ranked dispatcher
 * service httpd registers gets every request; while there is none, requests wait for the next.
 */
@Component(immediate = true, service = {})
public final class HttpdSlot {
    private static final Logger LOG = LoggerFactory.getLogger(HttpdSlot.class);

    private final SwapHold swapHold;
    private final HoldingHandler handler;
    /** Guards {@link #registration}: a property change and the unregistration never overlap. */
    private final Object registering = new Object();
    private ServiceRegistration<Handler> registration;
    /** Whether Pax Web's server runs the handler now. */
    private volatile boolean inService;
    /** Publishes the handler's state off Pax Web's threads, which call in holding Pax Web's locks. */
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "switchboard-anchor"));
    /** Every dispatcher service, the preferred one last; guarded by {@code this}. */
    private final TreeMap<ServiceReference<Request.Handler>, Request.Handler> dispatchers = new TreeMap<>();

    @Activate
    public HttpdSlot(BundleContext context, @Reference SwapHold swapHold) {
        this.swapHold = swapHold;
        this.handler = new HoldingHandler(swapHold::millis, this::inService);
        // pax-web-jetty puts Handler services with a positive ranking in front of its servlet contexts.
        ServiceRegistration<Handler> registered = context.registerService(Handler.class, handler, properties(false));
        synchronized (registering) {
            registration = registered;
        }
        // Pax Web may have started the handler before registerService returned.
        publish(inService);
    }

    @Deactivate
    void deactivate() {
        publisher.shutdownNow();
        // Never while a property change is being delivered: Pax Web's tracker, seeing that change after
        // the removal, would keep this handler for good.
        synchronized (registering) {
            registration.unregister();
            registration = null;
        }
    }

    @Reference(service = Request.Handler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + HttpdAnchor.DISPATCHER + "=" + HttpdAnchor.HTTPD + ")")
    synchronized void bindDispatcher(Request.Handler dispatcher, ServiceReference<Request.Handler> reference) {
        dispatchers.put(reference, dispatcher);
        chooseDispatcher();
    }

    synchronized void updatedDispatcher(Request.Handler dispatcher, ServiceReference<Request.Handler> reference) {
        // A new ranking re-sorts: the reference is the key, so it goes out and back in.
        dispatchers.remove(reference);
        dispatchers.put(reference, dispatcher);
        chooseDispatcher();
    }

    synchronized void unbindDispatcher(Request.Handler dispatcher, ServiceReference<Request.Handler> reference) {
        dispatchers.remove(reference);
        chooseDispatcher();
    }

    private void chooseDispatcher() {
        Map.Entry<ServiceReference<Request.Handler>, Request.Handler> best = dispatchers.lastEntry();
        if (best == null) {
            LOG.info("httpd's dispatcher is gone: requests wait up to {} ms for the next one", swapHold.millis());
            handler.dispatcher(null);
            return;
        }
        swapHold.seen(best.getKey());
        handler.dispatcher(best.getValue());
    }

    private void inService(boolean now) {
        inService = now;
        publish(now);
    }

    /** Publishes each change in turn: httpd waits for a restarted server to say it runs the handler again. */
    private void publish(boolean now) {
        try {
            publisher.execute(() -> {
                synchronized (registering) {
                    // Not registered yet (the constructor publishes once it is), or no longer.
                    if (registration != null) {
                        registration.setProperties(properties(now));
                    }
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the anchor is stopping: nobody is left to tell
        }
    }

    private static Hashtable<String, Object> properties(boolean inService) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, 1);
        properties.put(HttpdAnchor.IN_SERVICE, inService);
        return properties;
    }
}
