package io.switchboard.xhttp.internal;

import java.io.IOException;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
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

import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.httpd.RequireHttpd;
import io.switchboard.httpd.RootHandler;
import io.switchboard.support.lifecycle.Gate;
import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.settings.SettingsReader;
import io.switchboard.xhttp.HttpEventHandler;

/**
 * Kamailio xhttp on httpd: while a handler for {@value HttpEventHandler#XHTTP} exists, xhttp is
 * httpd's fallback and raises every request no root claims as an event.
 */
@Component(configurationPid = Xhttp.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
@Designate(ocd = XhttpConfiguration.class)
@RequireHttpd
public final class Xhttp implements RootHandler {
    static final String PID = "switchboard.xhttp";
    private static final Logger LOG = LoggerFactory.getLogger(Xhttp.class);

    /** The settings in force, replaced whole so a request sees one consistent set. */
    private record Settings(UrlFilter filter, String callback, int replyTimeout) {
        static Settings from(XhttpConfiguration config, Map<String, ?> properties) throws SettingRefusedException {
            SettingsReader r = new SettingsReader(PID, properties);
            int replyTimeout = r.read("reply_timeout", config::reply__timeout, v -> v >= 1, "must be at least 1 ms");
            return new Settings(UrlFilter.of(PID, config.url__skip(), config.url__match()), config.event__callback().trim(),
                    replyTimeout);
        }
    }

    private final BundleContext context;
    private final HandlerTable handlers = new HandlerTable();
    private final ScheduledExecutorService timer = Timers.create("switchboard-xhttp-timeouts");
    private final XhttpStatistics statistics;
    private final EventDispatcher dispatcher;
    /** Requests whose body arrived after {@code handle} returned: they must not reach a deactivated xhttp. */
    private final Gate lateBodies = new Gate();
    private volatile Settings settings;
    private ServiceRegistration<RootHandler> fallback;

    @Activate
    public Xhttp(BundleContext context, @Reference XhttpStatistics statistics) {
        this.context = context;
        this.statistics = statistics;
        dispatcher = new EventDispatcher(PID, handlers, timer, statistics);
    }

    /** DS calls this after it bound every handler there is: the fallback is claimed for the best of them. */
    @Activate
    void activate(XhttpConfiguration config, Map<String, Object> properties) {
        modified(config, properties);
    }

    /** Applies a configuration; until a first valid one arrives xhttp does not claim httpd's fallback. */
    @Modified
    void modified(XhttpConfiguration config, Map<String, Object> properties) {
        try {
            boolean first = settings == null;
            settings = Settings.from(config, properties);
            statistics.configured(true);
            if (first) {
                claimFallbackWhileHandled();
            } else {
                LOG.info("configuration {} applied", PID);
            }
        } catch (SettingRefusedException refused) {
            statistics.configured(settings != null);
            LOG.error("{}; {}", refused.getMessage(), settings == null
                    ? "xhttp claims no request until a valid configuration arrives"
                    : "the previous configuration stays in force");
        }
    }

    /**
     * The fallback goes first, so new requests wait in httpd for the next xhttp; httpd waits for the
     * calls under way. Bodies that arrive later are answered 503, those being raised and the events
     * still waiting for a reply get {@value Timers#DRAIN_MILLIS} ms in all, then 503: nothing of this
     * bundle may run once it has stopped, and no handler of the old table may be called.
     */
    @Deactivate
    synchronized void deactivate() throws InterruptedException {
        statistics.stopped();
        if (fallback != null) {
            fallback.unregister();
            fallback = null;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Timers.DRAIN_MILLIS);
        int stillRaising = lateBodies.close(Timers.DRAIN_MILLIS);
        if (stillRaising > 0) {
            LOG.warn("{} stopping: {} requests whose body came late are still being raised; their events end "
                    + "with the others", PID, stillRaising);
        }
        dispatcher.drain(deadline);
        Timers.stop(timer);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(|(!(" + HttpEventHandler.ROUTE + "=*))(" + HttpEventHandler.ROUTE + "=" + HttpEventHandler.XHTTP + "))")
    void bindHttpEventHandler(HttpEventHandler handler, ServiceReference<HttpEventHandler> reference) {
        handlers.add(reference, handler);
        claimFallbackWhileHandled();
    }

    void updatedHttpEventHandler(HttpEventHandler handler, ServiceReference<HttpEventHandler> reference) {
        handlers.modified(reference, handler);
    }

    void unbindHttpEventHandler(HttpEventHandler handler, ServiceReference<HttpEventHandler> reference) {
        handlers.remove(reference);
        claimFallbackWhileHandled();
    }

    /** Registers the fallback while there are handlers, so without them unknown roots keep httpd's 404. */
    private synchronized void claimFallbackWhileHandled() {
        if (settings == null || timer.isShutdown()) {
            return;
        }
        if (!handlers.isEmpty() && fallback == null) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(RootHandler.ROOT, RootHandler.FALLBACK);
            properties.put(RootHandler.MODULE, "xhttp");
            // By hand: only while handlers exist and settings are valid; DS keeps a service whose activation failed.
            fallback = context.registerService(RootHandler.class, this, properties);
        } else if (handlers.isEmpty() && fallback != null) {
            fallback.unregister();
            fallback = null;
        }
    }

    /**
     * Answers what no handler will take without reading its body; the others' bodies are read by
     * httpd with no thread held while they arrive, within httpd's {@code max_body_size} and
     * {@code body_timeout}, past which httpd itself answers 413 or 408.
     */
    @Override
    public void handle(HttpdRequest request, HttpdResponse response) throws IOException {
        Settings current = settings;
        String url = request.url();
        UrlFilter.Verdict verdict = current.filter().verdict(url);
        if (verdict != UrlFilter.Verdict.RAISED) {
            closeIfBodyUnread(request, response);
            statistics.skipped(verdict);
            statistics.replied(404);
            response.send(404, "text/plain", "Not Found: " + PID + " url_skip/url_match leave " + url + " out\n");
            return;
        }
        if (dispatcher.select(current.callback()) == null) {
            closeIfBodyUnread(request, response);
            raise(request, response, current, null, new byte[0]);
            return;
        }
        // A body that came with the request (none, or a small one) completes the stage at once, on
        // this thread; a later one on a server thread, possibly after this xhttp was deactivated.
        request.readBody().whenComplete((body, unread) -> {
            if (unread == null) {
                raiseUnlessClosed(request, response, current, body);
            } else {
                LOG.debug("{} {}: the body was not read, httpd answered: {}", request.method(), url, unread.toString());
            }
        });
    }

    /**
     * A response with the request's body left unread tells keep-alive clients the connection ends: the
     * rest of the body would otherwise be read as the next request.
     */
    private static void closeIfBodyUnread(HttpdRequest request, HttpdResponse response) {
        if (request.contentLength() > 0 || request.header("Transfer-Encoding").isPresent()) {
            response.header("Connection", "close");
        }
    }

    /**
     * Raises a request whose body has arrived, unless xhttp was deactivated meanwhile. Whatever this
     * throws would vanish into the discarded stage, leaving the client without an answer until
     * httpd's {@code async_timeout}: the response ends with 500 instead.
     */
    private void raiseUnlessClosed(HttpdRequest request, HttpdResponse response, Settings current, byte[] body) {
        try {
            if (!lateBodies.enter()) {
                turnAway(request, response);
                return;
            }
            try {
                // The body may have taken a while: the handler to call is chosen afresh.
                raise(request, response, current, dispatcher.select(current.callback()), body);
            } finally {
                lateBodies.exit();
            }
        } catch (RuntimeException failure) {
            LOG.warn("{} {} from {}: answered 500, the request could not be raised", request.method(), request.url(),
                    request.remote(), failure);
            fail(response);
        }
    }

    /** A deactivated xhttp calls no handler: the client may retry with the next one. */
    private void turnAway(HttpdRequest request, HttpdResponse response) {
        // httpd answers it 503 itself once swap_hold has passed since xhttp went away
        if (response.completed()) {
            return;
        }
        try {
            response.header("Retry-After", "1");
            statistics.replied(503);
            response.send(503, "text/plain", "Service Unavailable: " + PID + " is being updated or is stopping\n");
        } catch (IOException clientGone) {
            LOG.debug("{} {}: the 503 was not delivered: {}", request.method(), request.url(), clientGone.toString());
        }
    }

    /** Ends a response that failed: 500 if nothing was sent yet, otherwise cut where it is. */
    private void fail(HttpdResponse response) {
        try {
            if (!response.committed() && !response.completed()) {
                statistics.replied(500);
                response.send(500, "text/plain", "Internal Server Error\n");
            }
        } catch (IOException | RuntimeException clientGone) {
            LOG.debug("the 500 was not delivered: {}", clientGone.toString());
        } finally {
            response.complete();
        }
    }

    private void raise(HttpdRequest request, HttpdResponse response, Settings current, HandlerTable.Entry entry,
            byte[] body) {
        Event.Request facts = new Event.Request(request.method(), request.url(), request.protocol(),
                () -> headersOf(request), body, request.sourceAddress(), request.sourcePort());
        // Most handlers reply before returning: the response is deferred only for those that do not,
        // under a lock a reply from another thread takes too, so no reply lands on an ended response.
        AtomicBoolean written = new AtomicBoolean();
        Event event = new Event(HttpEventHandler.XHTTP, facts, (code, contentType, replyBody) -> {
            synchronized (written) {
                write(response, code, contentType, replyBody, facts);
                written.set(true);
            }
        });
        try {
            dispatcher.dispatch(event, entry, current.callback(), current.replyTimeout());
            synchronized (written) {
                if (!written.get()) {
                    response.defer();
                }
            }
        } catch (RuntimeException failure) {
            // Claimed here, the event takes no later reply, and its reply timer stops.
            if (!event.answerInstead(500, "Internal Server Error")) {
                throw failure;
            }
            LOG.warn("{} {} from {}: answered 500, the event could not wait for its reply", facts.method(),
                    facts.url(), facts.sourceAddress(), failure);
        }
    }

    private static Map<String, List<String>> headersOf(HttpdRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : request.headerNames()) {
            headers.put(name, request.headers(name));
        }
        return headers;
    }

    private void write(HttpdResponse response, int code, String contentType, byte[] body, Event.Request facts) {
        statistics.replied(code);
        try {
            if (contentType != null) {
                response.send(code, contentType, body);
                return;
            }
            response.status(code);
            response.contentLength(body.length);
            response.output().write(body);
        } catch (IOException | RuntimeException clientGone) {
            LOG.debug("{} {}: reply not delivered: {}", facts.method(), facts.url(), clientGone.toString());
        } finally {
            response.complete();
        }
    }
}
