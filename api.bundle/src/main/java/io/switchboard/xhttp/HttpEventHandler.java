package io.switchboard.xhttp;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Handles HTTP request events, as Kamailio's {@code event_route[xhttp:request]} and
 * {@code event_route[microhttpd:request]} do. Register it as a service; with DS, annotate it with
 * {@link EventRoute} and optionally {@link EventCallback}.
 */
@ConsumerType
public interface HttpEventHandler {

    /**
     * Service property, {@code String}, optional: the handler's name. A module whose
     * {@code event_callback} is set calls only the handler of that name.
     */
    String CALLBACK = "event.callback";

    /**
     * Service property, {@code String} or {@code String[]}, optional: the routes the handler serves,
     * {@value #XHTTP} and/or {@value #MICROHTTPD}. Absent: both.
     * <p>
     * Conflict rule: with {@code event_callback} unset, a route calls its handler with the highest
     * {@code service.ranking} (then the lowest {@code service.id}).
     */
    String ROUTE = "event.route";

    /**
     * Service property, {@code Boolean}, optional, default {@code false}: {@code true} promises that
     * {@link #handle} never blocks (it replies at once or hands the event to another thread). microhttpd
     * then runs it on the listener's I/O thread, saving a thread hand-off per request; a handler that
     * blocks there stalls the listener. Without the promise handlers run on pool threads.
     */
    String NON_BLOCKING = "event.nonblocking";

    /** The route of requests no httpd root claims. */
    String XHTTP = "xhttp:request";

    /** The route of requests to the microhttpd listener. */
    String MICROHTTPD = "microhttpd:request";

    /**
     * Handles one request. The handler replies with {@link HttpEvent#reply} before returning or
     * later, from any thread; a request left without a reply is answered 504 after the module's
     * {@code reply_timeout}. An exception thrown before a reply is answered 500.
     *
     * @param event the request
     * @throws Exception anything the handler does not handle itself
     */
    void handle(HttpEvent event) throws Exception;
}
