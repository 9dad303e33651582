package io.switchboard.xhttp.internal;

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

import io.switchboard.xhttp.HttpEventHandler;

/**
 * Kamailio microhttpd: a listener of its own, independent of httpd, whose requests are raised as
 * {@value HttpEventHandler#MICROHTTPD} events.
 */
@Component(configurationPid = Microhttpd.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
@Designate(ocd = MicrohttpdConfiguration.class)
public final class Microhttpd {
    static final String PID = "switchboard.microhttpd";
    private static final Logger LOG = LoggerFactory.getLogger(Microhttpd.class);

    private final HandlerTable handlers = new HandlerTable();
    private final ScheduledExecutorService timer = Timers.create("switchboard-microhttpd-timeouts");
    private final EventDispatcher dispatcher = new EventDispatcher(PID, handlers, timer);
    private volatile MicrohttpdSettings settings;
    private MicroListener listener;

    @Activate
    public Microhttpd(MicrohttpdConfiguration config) {
        modified(config);
    }

    @Modified
    synchronized void modified(MicrohttpdConfiguration config) {
        try {
            MicrohttpdSettings next = MicrohttpdSettings.from(config);
            if (listener == null) {
                // No listener yet: the first valid configuration, or one after a listener was lost.
                listener = start(next);
            } else if (next.listenerDiffers(settings)) {
                // The new listener binds before the old one closes: a port that cannot be bound
                // leaves the old listener serving. The same port cannot be bound twice, so it closes first.
                boolean samePort = next.listenPort() == settings.listenPort();
                if (samePort) {
                    listener.stop();
                }
                MicroListener replacement;
                try {
                    replacement = start(next);
                } catch (SettingRefusedException refused) {
                    if (samePort) {
                        try {
                            listener.start();
                        } catch (Exception lost) {
                            LOG.error("{}; the previous listener could not be restarted either: microhttpd does not "
                                    + "listen until the configuration changes", refused.getMessage(), lost);
                            listener = null;
                            return;
                        }
                    }
                    throw refused;
                }
                if (!samePort) {
                    listener.stop();
                }
                listener = replacement;
            }
            settings = next;
            LOG.info("configuration {} applied", PID);
        } catch (SettingRefusedException refused) {
            LOG.error("{}; {}", refused.getMessage(), listener == null
                    ? "microhttpd does not listen until a valid configuration arrives"
                    : "the previous configuration stays in force");
        } catch (Exception failed) {
            LOG.error("configuration {} could not be applied; the previous one stays in force", PID, failed);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        timer.shutdownNow();
        if (listener != null) {
            listener.stop();
        }
    }

    private MicroListener start(MicrohttpdSettings next) throws SettingRefusedException {
        MicroListener started = new MicroListener(next, () -> settings == null ? next : settings, dispatcher);
        try {
            started.start();
        } catch (Exception cannotBind) {
            started.stop();
            throw new SettingRefusedException(PID, "listen_port", next.listenPort(),
                    "must be free to bind on " + (next.listenAddr().isEmpty() ? "all addresses" : next.listenAddr())
                            + " (" + cannotBind.getMessage() + ")");
        }
        LOG.info("microhttpd listening on {}:{}", next.listenAddr().isEmpty() ? "*" : next.listenAddr(), started.port());
        return started;
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
