package io.switchboard.httpd.internal;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.anchor.HttpdAnchor;
import io.switchboard.httpd.HttpdEndpoint;
import io.switchboard.httpd.RootHandler;
import io.switchboard.support.settings.SettingRefusedException;

/**
 * httpd itself: validates {@value HttpdSettings#PID}, drives Pax Web's listener, tracks root
 * handlers and registers its dispatcher, which the anchor's handler in Pax Web's server calls, and the
 * {@link io.switchboard.httpd.HttpdRuntime}.
 */
@Component(configurationPid = HttpdSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true, service = {})
@Designate(ocd = HttpdConfiguration.class)
public final class Httpd {
    private static final Logger LOG = LoggerFactory.getLogger(Httpd.class);
    /** How long httpd, stopping, waits for a task of its own that runs (a handler's started() callback). */
    private static final long STOP_WAIT_SECONDS = 5;

    private final RootRegistry registry;
    private final HttpdRuntimeService runtime;
    private final PaxWebState paxWeb;
    private volatile HttpdSettings settings;
    /**
     * Runs started() callbacks, runtime updates and hand-overs to Pax Web in order, off the threads of
     * DS and Pax Web: those call in while holding their own locks, and a callback that calls back
     * would deadlock them.
     */
    private final ScheduledExecutorService announcer = startedScheduler("switchboard-httpd-announcer");
    /**
     * Ends the waits of requests for departed handlers. Its thread starts with httpd rather than at
     * the first departure, so that the threads an httpd has do not depend on what happened to it.
     */
    private final ScheduledExecutorService holds = startedScheduler("switchboard-httpd-holds");
    private final BundleContext context;
    /**
     * Registered once a first valid configuration is in force, and only after DS bound every root
     * handler there is: an httpd that replaces another must not answer 404 for roots it has not seen yet.
     */
    private ServiceRegistration<Request.Handler> dispatcher;
    private DispatchHandler dispatch;
    private final RootStatistics statistics;

    @Activate
    public Httpd(@Reference ConfigurationAdmin configAdmin, @Reference RootStatistics statistics, BundleContext context) {
        this.context = context;
        this.statistics = statistics;
        this.paxWeb = new PaxWebState(context, configAdmin, announcer, this::announce);
        this.registry = new RootRegistry(this::rootsChanged, holds, () -> settings == null ? 0 : settings.swapHold());
        this.runtime = new HttpdRuntimeService(registry);
    }

    /** DS calls this after it bound every root handler there is. */
    @Activate
    void activate(HttpdConfiguration config, Map<String, Object> properties) {
        modified(config, properties);
    }

    /**
     * Applies a configuration. Until a first good one arrives httpd registers nothing and serves
     * nothing; a refused one afterwards leaves the one in force.
     */
    @Modified
    void modified(HttpdConfiguration config, Map<String, Object> properties) {
        try {
            HttpdSettings next = HttpdSettings.from(config, properties);
            HttpdSettings previous = settings;
            if (next.listenerDiffers(previous)) {
                paxWeb.listen(next, previous != null);
            }
            settings = next;
            statistics.latencyBounds(next.latencyBuckets());
            statistics.counting(next.counting());
            if (previous != null && dispatcher != null && (previous.swapHold() != next.swapHold()
                    || previous.shutdownGrace() != next.shutdownGrace())) {
                dispatcher.setProperties(dispatcherProperties(next));
            }
            if (previous == null) {
                runtime.settings(next);
                register();
                LOG.info("httpd configured for {}:{}", next.ip().isEmpty() ? "*" : next.ip(), next.port());
            } else {
                // After the endpoint's withdrawal above: the runtime never shows new settings beside the old endpoint.
                announcer.execute(() -> runtime.settings(next));
                LOG.info("httpd configuration {} applied", HttpdSettings.PID);
            }
        } catch (SettingRefusedException refused) {
            LOG.error("{}; {}", refused.getMessage(), settings == null
                    ? "httpd serves nothing until a valid configuration arrives"
                    : "the previous configuration stays in force");
        } catch (IOException | RuntimeException failed) {
            LOG.error("configuration {} could not be handed to Pax Web ({}); the previous one stays in force",
                    HttpdSettings.PID, PaxWebListener.PAX_WEB_PID, failed);
        }
    }

    /**
     * Registered by hand, not by DS: they come only with a first valid configuration, stay through a
     * refused one, and the dispatcher's registration is the moment the anchor routes to this httpd.
     */
    private void register() {
        runtime.register(context);
        dispatch = new DispatchHandler(registry, () -> settings, paxWeb::whiteboardServes, statistics);
        dispatcher = context.registerService(Request.Handler.class, dispatch, dispatcherProperties(settings));
    }

    private static Hashtable<String, Object> dispatcherProperties(HttpdSettings settings) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HttpdAnchor.DISPATCHER, HttpdAnchor.HTTPD);
        properties.put(HttpdAnchor.SWAP_HOLD, settings.swapHold());
        properties.put(HttpdAnchor.SHUTDOWN_GRACE, settings.shutdownGrace());
        return properties;
    }

    /**
     * The dispatcher goes first, so the anchor holds new requests for the next httpd. The requests
     * this one still serves get half of {@code swap_hold} to finish, deferred ones included; those
     * still open then are answered 503: once the bundle has stopped, its classes can no longer be
     * loaded, so nothing of it may still run.
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        if (dispatcher != null) {
            dispatcher.unregister();
            dispatcher = null;
        }
        int drain = settings == null ? 0 : settings.swapHold() / 2;
        if (dispatch != null) {
            dispatch.close(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drain));
        }
        paxWeb.close();
        announcer.shutdownNow();
        holds.shutdownNow();
        // Their tasks are this bundle's code: none may still run once it has stopped.
        announcer.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        holds.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        runtime.unregister();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindRootHandler(RootHandler handler, ServiceReference<RootHandler> reference) {
        registry.add(reference, handler);
        announcer.execute(() -> runtime.endpoint().ifPresent(endpoint -> started(handler, endpoint)));
    }

    void updatedRootHandler(RootHandler handler, ServiceReference<RootHandler> reference) {
        registry.modified(reference, handler);
    }

    void unbindRootHandler(RootHandler handler, ServiceReference<RootHandler> reference) {
        registry.remove(reference);
    }

    @Reference(service = HttpServiceRuntime.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void bindHttpServiceRuntime(ServiceReference<HttpServiceRuntime> reference) {
        updatedHttpServiceRuntime(reference);
    }

    void updatedHttpServiceRuntime(ServiceReference<HttpServiceRuntime> reference) {
        paxWeb.runtimeChanged(reference);
    }

    void unbindHttpServiceRuntime(ServiceReference<HttpServiceRuntime> reference) {
        paxWeb.runtimeGone(reference);
    }

    /** The anchor's handler service, while Pax Web's server runs it. */
    @Reference(service = Handler.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + HttpdAnchor.IN_SERVICE + "=true)")
    void bindAnchor(ServiceReference<Handler> reference) {
        paxWeb.anchorInService(reference, true);
    }

    void unbindAnchor(ServiceReference<Handler> reference) {
        paxWeb.anchorInService(reference, false);
    }

    /** Tells the handlers, then the runtime, of the endpoint Pax Web's server listens on now, or of none. */
    private void announce(HttpdEndpoint now) {
        try {
            announcer.execute(() -> {
                if (now != null) {
                    HttpdSettings bound = settings;
                    // The endpoint is an address clients can use; the log says what is bound.
                    LOG.info("httpd listening on {} port {} ({})", bound == null || bound.ip().isEmpty()
                            ? "every address" : bound.ip(), now.port(), now.uri());
                    // The handlers learn the new address before the runtime says it is there.
                    registry.handlers().forEach(handler -> started(handler, now));
                }
                runtime.endpoint(now);
            });
        } catch (RejectedExecutionException deactivated) {
            // nothing left to tell
        }
    }

    private void rootsChanged() {
        // A root's counters are listed, at zero, from its registration on, as OpenSIPS lists a module's.
        registry.list().forEach(path -> statistics.list(path.root()));
        // Through the announcer: listeners of the runtime must not run on the DS bind thread.
        try {
            announcer.execute(runtime::changed);
        } catch (RejectedExecutionException deactivated) {
            // nothing left to tell
        }
    }

    private static void started(RootHandler handler, HttpdEndpoint endpoint) {
        try {
            handler.started(endpoint);
        } catch (RuntimeException | LinkageError failure) {
            LOG.error("root handler {} failed in started({})", handler, endpoint.uri(), failure);
        }
    }

    private static ScheduledExecutorService startedScheduler(String threadName) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                runnable -> new Thread(runnable, threadName));
        scheduler.prestartCoreThread();
        return scheduler;
    }
}
