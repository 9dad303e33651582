package io.switchboard.httpd.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a deferred response waits under: {@code async_timeout} instead of the connection's idle
 * timeout, the client going away, and its handler leaving (it is one of the handler's open
 * {@link Exchanges} meanwhile).
 */
final class Deferral {
    private static final Logger LOG = LoggerFactory.getLogger(Deferral.class);

    private final Request request;
    private final RootEntry entry;
    private final Exchanges exchanges;
    private final HttpdSettings settings;
    private volatile Scheduler.Task timeout;

    Deferral(Request request, RootEntry entry, Exchanges exchanges, HttpdSettings settings) {
        this.request = request;
        this.entry = entry;
        this.exchanges = exchanges;
        this.settings = settings;
    }

    /** {@code response} was just deferred: it waits from now on. */
    void begin(JettyResponse response) {
        request.addIdleTimeoutListener(idle -> false);
        request.addFailureListener(failure -> {
            if (failure instanceof BodyTimeoutException) {
                // httpd's own failure of a body that came too late: its 408 is on its way, on another thread.
                return;
            }
            LOG.debug("root {}: {} {} failed: {}", entry.root(), request.getMethod(), JettyRequest.url(request),
                    failure.toString());
            response.abort(failure);
        });
        if (!exchanges.opened(response)) {
            response.answer(503, "the handler of root " + entry.root() + " went away", false);
            return;
        }
        // The 504 may wait for a handler thread stuck in a write: never on Jetty's one scheduler
        // thread, which also runs the idle timeouts that would free that write.
        Executor executor = request.getComponents().getExecutor();
        timeout = request.getComponents().getScheduler().schedule(() -> executor.execute(() -> timedOut(response)),
                settings.asyncTimeout(), TimeUnit.MILLISECONDS);
        if (response.completed()) {
            // Ended by another thread meanwhile: end() may have run before the response was open and timed.
            end(response);
        }
    }

    /** {@code response}, deferred, has ended: it no longer waits. */
    void end(JettyResponse response) {
        Scheduler.Task pending = timeout;
        if (pending != null) {
            pending.cancel();
        }
        exchanges.closed(response);
    }

    private void timedOut(JettyResponse response) {
        if (response.completed()) {
            return;
        }
        String client = Request.getRemoteAddr(request);
        ClientLines.TIMEOUTS.warn(client, "root {}: handler service {} did not complete {} {} from {} within "
                + "async_timeout={} ms; answered 504", entry.root(), entry.serviceId(), request.getMethod(),
                JettyRequest.url(request), client, settings.asyncTimeout());
        response.answer(504, "the handler did not answer within " + settings.asyncTimeout() + " ms", false);
    }
}
