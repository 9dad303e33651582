package io.switchboard.xhttp.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.support.log.RateLimitedLog;

/**
 * Raises an event on the handler a module's settings choose, and answers for handlers that fail,
 * are missing or never reply.
 */
final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final long DRAIN_POLL_MILLIS = 10;

    private final String pid;
    private final HandlerTable handlers;
    private final ScheduledExecutorService timer;
    private final EventStatistics statistics;
    /** The events raised that wait for a reply. */
    private final Set<Event> awaiting = ConcurrentHashMap.newKeySet();
    /** Clients can cause both at will: a request with no handler, a handler that keeps them waiting. */
    private final RateLimitedLog unhandled;
    private final RateLimitedLog unanswered;

    EventDispatcher(String pid, HandlerTable handlers, ScheduledExecutorService timer, EventStatistics statistics) {
        this.pid = pid;
        this.handlers = handlers;
        this.timer = timer;
        this.statistics = statistics;
        unhandled = new RateLimitedLog(LOG, pid + " 503");
        unanswered = new RateLimitedLog(LOG, pid + " 504");
    }

    /**
     * @param event the request
     * @param callback {@code event_callback}, empty for the best-ranked handler
     * @param replyTimeout milliseconds the handler has to reply
     */
    void dispatch(Event event, String callback, long replyTimeout) {
        dispatch(event, handlers.select(callback), callback, replyTimeout);
    }

    /** @return the handler {@link #dispatch} would call for {@code callback}, or {@code null} */
    HandlerTable.Entry select(String callback) {
        return handlers.select(callback);
    }

    /** Raises {@code event} on {@code entry}, chosen by {@link #select}; {@code null} answers 503. */
    void dispatch(Event event, HandlerTable.Entry entry, String callback, long replyTimeout) {
        if (entry == null) {
            String why = callback.isEmpty() ? "no handler for " + event.route()
                    : "no handler named " + callback + " (" + pid + " event_callback) for " + event.route();
            unhandled.warn(event.sourceAddress(), "{} {} from {}: {}; answered 503", event.method(), event.url(),
                    event.sourceAddress(), why);
            statistics.noHandler();
            event.answerInstead(503, "Service Unavailable: " + why);
            return;
        }
        statistics.raised();
        try {
            entry.handler().handle(event);
        } catch (Exception | LinkageError failure) {
            LOG.error("{} {}: handler {} failed", event.method(), event.url(), entry.describe(), failure);
            event.answerInstead(500, "Internal Server Error");
        }
        // Most handlers reply before returning: only the others need a timer.
        if (!event.replied()) {
            awaiting.add(event);
            try {
                event.awaiting(timer.schedule(() -> {
                    if (event.answerInstead(504, "Gateway Timeout: the handler did not reply within " + replyTimeout + " ms")) {
                        statistics.noReply();
                        unanswered.warn(event.sourceAddress(),
                                "{} {} from {}: handler {} did not reply within reply_timeout={} ms ({}); answered 504",
                                event.method(), event.url(), event.sourceAddress(), entry.describe(), replyTimeout, pid);
                    }
                }, replyTimeout, TimeUnit.MILLISECONDS), () -> awaiting.remove(event));
            } catch (RejectedExecutionException stopping) {
                awaiting.remove(event);
                event.answerInstead(503, "Service Unavailable: " + pid + " is stopping");
            }
        }
    }

    /**
     * Gives the events still waiting for their reply until {@code deadlineNanos}, then answers them
     * 503: the module is stopping, and nothing of it may run once its bundle has stopped.
     */
    void drain(long deadlineNanos) throws InterruptedException {
        while (!awaiting.isEmpty() && System.nanoTime() < deadlineNanos) {
            Thread.sleep(DRAIN_POLL_MILLIS);
        }
        for (Event event : awaiting) {
            event.answerInstead(503, "Service Unavailable: " + pid + " is being updated or is stopping");
        }
        unhandled.flush();
        unanswered.flush();
    }
}
