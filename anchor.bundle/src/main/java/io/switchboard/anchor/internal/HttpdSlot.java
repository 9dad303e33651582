package io.switchboard.anchor.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.osgi.framework.Bundle;
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

import io.switchboard.anchor.GracefulListener;
import io.switchboard.anchor.HttpdAnchor;
import io.switchboard.mi.MiStatistics;

/**
 * httpd's place in Pax Web's server, registered once: Pax Web restarts its server when a Jetty handler
 * service comes or goes, which is why httpd does not register one itself. The best-ranked dispatcher
 * service httpd registers gets every request; while there is none, requests wait for the next.
 */
@Component(immediate = true, service = {})
public final class HttpdSlot {
    private static final Logger LOG = LoggerFactory.getLogger(HttpdSlot.class);

    private final HttpdTimes times;
    private final HoldingHandler handler;
    private final ServiceRegistration<MiStatistics> statisticsRegistration;
    private final ServiceRegistration<GracefulListener> gracefulRegistration;
    /** Guards {@link #registration}: a property change and the unregistration never overlap. */
    private final Object registering = new Object();
    private ServiceRegistration<Handler> registration;
    private final BundleContext context;
    /** Whether Pax Web's server runs the handler now. */
    private volatile boolean inService;
    /** Publishes the handler's state off Pax Web's threads, which call in holding Pax Web's locks. */
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "switchboard-anchor"));
    /**
     * Every dispatcher service by {@code service.id}; guarded by {@code this}. Sorted when read: a
     * reference's order follows its live ranking, which would lose it in a sorted map.
     */
    private final Map<Long, Dispatcher> dispatchers = new HashMap<>();

    private record Dispatcher(ServiceReference<Request.Handler> reference, Request.Handler handler) {
    }

    @Activate
    public HttpdSlot(BundleContext context, @Reference HttpdTimes times) {
        this.context = context;
        this.times = times;
        AnchorStatistics statistics = new AnchorStatistics();
        this.handler = new HoldingHandler(times::swapHold, this::inService, statistics);
        this.statisticsRegistration = context.registerService(MiStatistics.class, statistics,
                new Hashtable<>(Map.of(MiStatistics.GROUP, AnchorStatistics.GROUP)));
        this.gracefulRegistration = context.registerService(GracefulListener.class, new PaxWebServer(), null);
        // pax-web-jetty puts Handler services with a positive ranking in front of its servlet contexts.
        ServiceRegistration<Handler> registered = context.registerService(Handler.class, handler, properties(false));
        synchronized (registering) {
            registration = registered;
        }
        // Pax Web may have started the handler before registerService returned.
        publish(inService);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        publisher.shutdownNow();
        publisher.awaitTermination(5, TimeUnit.SECONDS);
        // Never while a property change is being delivered: Pax Web's tracker, seeing that change after
        // the removal, would keep this handler for good.
        synchronized (registering) {
            registration.unregister();
            registration = null;
        }
        statisticsRegistration.unregister();
        gracefulRegistration.unregister();
    }

    /** Pax Web's server, where httpd listens, in a graceful shutdown. */
    private final class PaxWebServer implements GracefulListener {
        @Override
        public CompletionStage<Void> drain() {
            return handler.drain();
        }

        @Override
        public List<String> inFlight() {
            return handler.inFlight();
        }
    }

    @Reference(service = Request.Handler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + HttpdAnchor.DISPATCHER + "=" + HttpdAnchor.HTTPD + ")")
    synchronized void bindDispatcher(Request.Handler dispatcher, ServiceReference<Request.Handler> reference) {
        dispatchers.put(serviceId(reference), new Dispatcher(reference, dispatcher));
        chooseDispatcher();
    }

    synchronized void updatedDispatcher(Request.Handler dispatcher, ServiceReference<Request.Handler> reference) {
        bindDispatcher(dispatcher, reference);
    }

    synchronized void unbindDispatcher(Request.Handler dispatcher, ServiceReference<Request.Handler> reference) {
        dispatchers.remove(serviceId(reference));
        chooseDispatcher();
    }

    private void chooseDispatcher() {
        // ServiceReference orders the preferred service last.
        Dispatcher best = dispatchers.values().stream().max(Comparator.comparing(Dispatcher::reference)).orElse(null);
        if (best == null) {
            // httpd leaving a stopping framework is no update to wait for.
            if (context.getBundle(Constants.SYSTEM_BUNDLE_ID).getState() != Bundle.STOPPING) {
                LOG.info("httpd's dispatcher is gone: requests wait up to {} ms for the next one", times.swapHold());
            }
            handler.dispatcher(null);
            return;
        }
        times.seen(best.reference());
        handler.dispatcher(best.handler());
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
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
