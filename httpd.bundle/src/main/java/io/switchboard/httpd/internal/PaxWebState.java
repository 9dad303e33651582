package io.switchboard.httpd.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.osgi.util.tracker.ServiceTracker;

import io.switchboard.httpd.HttpdEndpoint;
import io.switchboard.support.settings.SettingRefusedException;

/**
 * What httpd knows of Pax Web's server, in one place: whether the server runs the anchor's handler
 * (through which requests reach httpd), Pax Web's runtime services and the endpoint they give,
 * whether a restart for new listener settings is awaited, and whether other bundles put servlets on
 * its whiteboard. From that it decides when listener settings may be handed over
 * ({@link PaxWebListener}) and which endpoint root handlers are told about.
 */
final class PaxWebState {
    private final PaxWebListener listener;
    /** Told each time the endpoint to announce changes: {@code null} while there is none. */
    private final Consumer<HttpdEndpoint> endpointChanged;
    /**
     * Servlets and resources other bundles put on Pax Web's whiteboard, whatever interface they are
     * registered under: while there are any, a request no root and no fallback claims goes on to
     * them (and to Pax Web's 404) instead of httpd's 404.
     */
    private final ServiceTracker<Object, Object> whiteboard;
    /** Pax Web's runtime services, by service id, with the endpoint each gives; guarded by {@code this}. */
    private final Map<Long, Optional<HttpdEndpoint>> runtimes = new HashMap<>();
    /** The anchor's handler services that Pax Web's server runs now; guarded by {@code this}. */
    private final Set<Long> anchors = new HashSet<>();
    /** Set while Pax Web restarts for new listener settings: the old endpoint is about to go; guarded by {@code this}. */
    private boolean awaitingRestart;
    /** The endpoint handlers were last told about; guarded by {@code this}. */
    private HttpdEndpoint announced;

    /**
     * @param announcer runs the hand-overs to Pax Web, off the threads of DS and Pax Web
     * @param endpointChanged told, in order and under this object's lock, each time the endpoint changes
     */
    PaxWebState(BundleContext context, ConfigurationAdmin configAdmin, ScheduledExecutorService announcer,
            Consumer<HttpdEndpoint> endpointChanged) {
        this.endpointChanged = endpointChanged;
        this.listener = new PaxWebListener(configAdmin, announcer, this::listenerUnchanged);
        this.whiteboard = new ServiceTracker<>(context, whiteboardFilter(context), null);
        whiteboard.open();
    }

    /**
     * Hands new listener settings to Pax Web, once it can take them.
     *
     * @param restart whether a server already listens: its endpoint is withdrawn until the restarted
     *        server has its new one
     * @throws SettingRefusedException when the new port cannot be bound
     */
    void listen(HttpdSettings settings, boolean restart) throws IOException, SettingRefusedException {
        listener.check(settings);
        if (restart) {
            synchronized (this) {
                awaitingRestart = true;
                changed();
            }
        }
        listener.apply(settings);
    }

    synchronized void runtimeChanged(ServiceReference<?> runtime) {
        runtimes.put((Long) runtime.getProperty("service.id"),
                Endpoints.parse(runtime.getProperty(Endpoints.ENDPOINT_PROPERTY)));
        changed();
    }

    synchronized void runtimeGone(ServiceReference<?> runtime) {
        runtimes.remove(runtime.getProperty("service.id"));
        changed();
    }

    /** The anchor's handler, {@code anchor}, is now in service in Pax Web's server, or out of it. */
    synchronized void anchorInService(ServiceReference<?> anchor, boolean now) {
        Long id = (Long) anchor.getProperty("service.id");
        if (now) {
            anchors.add(id);
            // The server that runs it has started: any restart awaited is done.
            awaitingRestart = false;
        } else {
            anchors.remove(id);
        }
        changed();
    }

    /** @return whether other bundles put servlets or resources on Pax Web's whiteboard */
    boolean whiteboardServes() {
        return !whiteboard.isEmpty();
    }

    void close() {
        whiteboard.close();
    }

    /** The last hand-over changed nothing in Pax Web: the endpoint in force stays. */
    private synchronized void listenerUnchanged() {
        awaitingRestart = false;
        changed();
    }

    /**
     * Pax Web serves once its server has started the anchor's handler and it has registered its
     * runtime, which it does after the server started (the handler starts before the connectors):
     * listener settings handed over sooner would restart the server while Pax Web is still setting it
     * up. Handlers are told of an endpoint only then, and not while a restart is awaited.
     */
    private void changed() {
        boolean serving = !anchors.isEmpty() && !runtimes.isEmpty();
        listener.deployed(serving);
        HttpdEndpoint now = !anchors.isEmpty() && !awaitingRestart
                ? runtimes.values().stream().flatMap(Optional::stream).findFirst().orElse(null) : null;
        if (!Objects.equals(now, announced)) {
            announced = now;
            endpointChanged.accept(now);
        }
    }

    /** Pax Web also takes its own "alias" and "urlPatterns" properties on servlet services. */
    private static Filter whiteboardFilter(BundleContext context) {
        try {
            return context.createFilter("(|(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=*)("
                    + HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN
                    + "=*)(&(objectClass=jakarta.servlet.Servlet)(|(alias=*)(urlPatterns=*))))");
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
