package io.switchboard.support.jetty;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.server.Request;

/**
 * The requests a Jetty server has under way, from the moment its outermost handler sees one until
 * its exchange completes (the response written, or failed), whichever handler answered it, deferred
 * ones included, so that a shutdown can wait for them and name those it had to cut.
 */
public final class RequestsInFlight {
    private final Set<Request> open = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean draining;

    /**
     * Counts a request in until its exchange completes. A request handed through the server again
     * (passed on to the handlers behind) counts once.
     */
    public void track(Request request) {
        Request exchange = Request.unWrap(request);
        if (open.add(exchange)) {
            Request.addCompletionListener(exchange, failure -> {
                if (open.remove(exchange)) {
                    completeIfIdle();
                }
            });
        }
    }

    /** @return completes once no request is in flight, from now on */
    public CompletableFuture<Void> drained() {
        draining = true;
        completeIfIdle();
        return drained;
    }

    /** @return a line per request in flight: method, path and query, client address and port */
    public List<String> describe() {
        return open.stream().map(request -> request.getMethod() + " " + request.getHttpURI().getPathQuery() + " from "
                + Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request)).sorted().toList();
    }

    private void completeIfIdle() {
        if (draining && open.isEmpty()) {
            drained.complete(null);
        }
    }
}
