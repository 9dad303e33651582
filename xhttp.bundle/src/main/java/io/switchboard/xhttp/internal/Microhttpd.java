package io.switchboard.xhttp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.anchor.GracefulListener;
import io.switchboard.anchor.SocketKeeper;
import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.xhttp.HttpEventHandler;

/**
 * Kamailio microhttpd: a listener of its own, independent of httpd, whose requests are raised as
 * {@value HttpEventHandler#MICROHTTPD} events. Its listening socket is the anchor's to keep: when this
 * bundle is updated, the next revision takes the same socket back, so clients wait in its backlog
 * instead of being refused, and connections already open finish their request on the old listener.
 * When the framework stops, it takes part in the graceful shutdown: its socket closes at once, and the
 * requests in flight finish.
 */
@Component(configurationPid = Microhttpd.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = GracefulListener.class)
@Designate(ocd = MicrohttpdConfiguration.class)
public final class Microhttpd implements GracefulListener {
    static final String PID = "switchboard.microhttpd";
    private static final Logger LOG = LoggerFactory.getLogger(Microhttpd.class);
    /** The accept queue of a new socket: connections wait there while the listener is replaced. */
    private static final int BACKLOG = 1024;

    private final SocketKeeper sockets;
    private final HandlerTable handlers = new HandlerTable();
    private final ScheduledExecutorService timer = Timers.create("switchboard-microhttpd-timeouts");
    private final MicrohttpdStatistics statistics;
    private final EventDispatcher dispatcher;
    private final Refusals refusals = new Refusals("microhttpd");
    private volatile MicrohttpdSettings settings;
    private MicroListener listener;
    /** Set once the framework stops: the socket is closed, and the listener stops rather than retires. */
    private boolean shuttingDown;
    /** Set once deactivated: the socket may be the next revision's already, and is not this one's to close. */
    private boolean deactivated;

    @Activate
    public Microhttpd(@Reference SocketKeeper sockets, @Reference MicrohttpdStatistics statistics) {
        this.sockets = sockets;
        this.statistics = statistics;
        dispatcher = new EventDispatcher(PID, handlers, timer, statistics);
    }

    /** DS calls this after it bound every handler there is: the listener answers only once it knows them. */
    @Activate
    void activate(MicrohttpdConfiguration config, Map<String, Object> properties) {
        modified(config, properties);
    }

    @Modified
    synchronized void modified(MicrohttpdConfiguration config, Map<String, Object> properties) {
        if (shuttingDown) {
            LOG.info("configuration {} not applied: the framework is stopping", PID);
            return;
        }
        try {
            apply(MicrohttpdSettings.from(config, properties));
            LOG.info("configuration {} applied", PID);
        } catch (SettingRefusedException refused) {
            LOG.error("{}; {}", refused.getMessage(), listener == null
                    ? "microhttpd does not listen until a valid configuration arrives"
                    : "the previous configuration stays in force");
        } catch (Exception failed) {
            LOG.error("configuration {} could not be applied; the previous one stays in force", PID, failed);
        } finally {
            // Configured means listening: a configuration whose port cannot be bound serves nothing.
            statistics.configured(listener != null);
        }
    }

    /**
     * The settings go into force before a new listener starts, so it serves with them from its first
     * request while the old one retires; they go back if the listener cannot be put in place.
     */
    private void apply(MicrohttpdSettings next) throws Exception {
        MicrohttpdSettings previous = settings;
        settings = next;
        try {
            if (listener == null) {
                // No listener yet: the first valid configuration, or one after a listener was lost.
                listener = startOnNewSocket(next);
            } else if (next.listenerDiffers(previous)) {
                replace(previous, next);
            }
        } catch (Exception failed) {
            settings = previous;
            throw failed;
        }
        listener.closeConnectionsNotIn(next.allowList());
    }

    /**
     * Puts a listener for {@code next} in place of the current one. On the same address it takes
     * over the same socket; on a new port the new socket is bound and served before the old one
     * closes, so a port that cannot be bound leaves the old listener serving; on the same port at
     * another address the old socket must close first, and is bound again if the new one cannot be.
     */
    private void replace(MicrohttpdSettings previous, MicrohttpdSettings next) throws Exception {
        MicroListener old = listener;
        boolean samePort = next.listenPort() == previous.listenPort();
        if (samePort && next.listenAddr().equals(previous.listenAddr())) {
            old.retire();
            listener = start(next, old.socket());
        } else if (!samePort) {
            listener = startOnNewSocket(next);
            old.retire();
            // Connections that would queue on the old port are refused now rather than after the drain.
            sockets.close(old.socket());
        } else {
            old.retire();
            sockets.close(old.socket());
            try {
                listener = startOnNewSocket(next);
            } catch (SettingRefusedException refused) {
                restartPrevious(previous, refused);
                throw refused;
            }
        }
    }

    private MicroListener startOnNewSocket(MicrohttpdSettings next) throws Exception {
        ServerSocketChannel socket = open(next);
        try {
            return start(next, socket);
        } catch (Exception failed) {
            sockets.close(socket);
            throw failed;
        }
    }

    private void restartPrevious(MicrohttpdSettings previous, SettingRefusedException refused) {
        try {
            listener = startOnNewSocket(previous);
        } catch (Exception lost) {
            LOG.error("{}; the previous listener could not be restarted either: microhttpd does not listen until "
                    + "the configuration changes", refused.getMessage(), lost);
            listener = null;
        }
    }

    /**
     * Retires the listener (the next revision of this bundle takes its socket from the anchor) and
     * answers the events still waiting for a reply 503; stopping the timer drops the body timeouts of
     * the connections the listener closed: nothing of this bundle may run once it has stopped.
     */
    @Deactivate
    synchronized void deactivate() throws InterruptedException {
        statistics.stopped();
        deactivated = true;
        if (listener != null && shuttingDown) {
            // What is still in flight was given the shutdown's grace already.
            listener.stop();
        } else if (listener != null) {
            listener.retire();
        }
        dispatcher.drain(System.nanoTime());
        Timers.stop(timer);
        refusals.flush();
    }

    @Override
    public synchronized CompletionStage<Void> drain() {
        shuttingDown = true;
        if (listener == null || deactivated) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> idle = listener.drain();
        sockets.close(listener.socket());
        LOG.info("microhttpd stopped accepting on {}: new connections are refused; requests in flight: {}",
                bound(settings.listenAddr(), listener.port()), listener.inFlight().size());
        return idle;
    }

    @Override
    public List<String> inFlight() {
        MicroListener current;
        synchronized (this) {
            current = listener;
        }
        return current == null ? List.of() : current.inFlight();
    }

    /** @throws SettingRefusedException when the address cannot be bound */
    private ServerSocketChannel open(MicrohttpdSettings next) throws SettingRefusedException {
        InetSocketAddress address = next.listenAddr().isEmpty() ? new InetSocketAddress(next.listenPort())
                : new InetSocketAddress(next.listenAddr(), next.listenPort());
        try {
            return sockets.open(address, BACKLOG);
        } catch (IOException cannotBind) {
            throw new SettingRefusedException(PID, "listen_port", next.listenPort(),
                    "must be free to bind on " + (next.listenAddr().isEmpty() ? "all addresses" : next.listenAddr())
                            + " (" + cannotBind.getMessage() + ")");
        }
    }

    private MicroListener start(MicrohttpdSettings next, ServerSocketChannel socket) throws Exception {
        MicroListener started = new MicroListener(socket, next, () -> settings, dispatcher, timer, refusals,
                statistics);
        try {
            started.start();
        } catch (Exception failed) {
            started.stop();
            throw failed;
        }
        LOG.info("microhttpd listening on {}", bound(next.listenAddr(), started.port()));
        return started;
    }

    /** @return what a listener is bound to, worded as httpd words its own */
    private static String bound(String listenAddr, int port) {
        return (listenAddr.isEmpty() ? "every address" : listenAddr) + " port " + port;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(|(!(" + HttpEventHandler.ROUTE + "=*))(" + HttpEventHandler.ROUTE + "="
                    + HttpEventHandler.MICROHTTPD + "))")
    void bindHttpEventHandler(HttpEventHandler handler, ServiceReference<HttpEventHandler> reference) {
        handlers.add(reference, handler);
    }

    void updatedHttpEventHandler(HttpEventHandler handler, ServiceReference<HttpEventHandler> reference) {
        handlers.modified(reference, handler);
    }

    void unbindHttpEventHandler(HttpEventHandler handler, ServiceReference<HttpEventHandler> reference) {
        handlers.remove(reference);
    }
}
