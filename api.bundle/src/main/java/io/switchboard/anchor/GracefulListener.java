package io.switchboard.anchor;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A listener that takes part in the graceful shutdown the anchor runs when the framework stops
 * (SIGTERM to the runnable jar, or the shell's {@code stop 0} and {@code shutdown}). Before any bundle
 * stops, every service of this type is told to {@link #drain}; the framework then waits until none
 * has a request in flight, for at most httpd's {@code shutdown_grace} ({@link HttpdAnchor#SHUTDOWN_GRACE}),
 * and names the requests it cut if the grace ran out.
 */
@ConsumerType
public interface GracefulListener {

    /**
     * The {@code osgi.condition.id} of an {@code org.osgi.service.condition.Condition} service that
     * ends the wait for requests in flight at once: the runnable jar registers it on a second SIGTERM.
     */
    String CUT_CONDITION = "switchboard.shutdown.cut";

    /**
     * Closes the listening sockets at once, so that new connections are refused, and lets the
     * requests in flight finish; their responses, and those to any request a kept-alive connection
     * still sends, close their connection. Returns quickly.
     *
     * @return completes once no request is in flight
     */
    CompletionStage<Void> drain();

    /**
     * @return a line per request in flight naming its method, path, and client, such as
     *         {@code GET /download from 127.0.0.1:40312}; empty when there is none
     */
    List<String> inFlight();
}
