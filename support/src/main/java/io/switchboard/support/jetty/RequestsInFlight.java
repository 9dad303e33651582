package io.switchboard.support.jetty;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

/**
 * The requests a Jetty server has under way, from the moment its outermost handler takes one until
 * its response is complete (or failed), deferred ones included, so that a shutdown can wait for
 * them and name those it had to cut.
 */
public final class RequestsInFlight {
    private final Set<Tracked> open = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean draining;

    /**
     * Counts a request in until {@code callback}, or the returned one, completes.
     *
     * @return the callback to hand on in place of {@code callback}
     */
    public Tracked track(Request request, Callback callback) {
        Tracked tracked = new Tracked(request, callback);
        open.add(tracked);
        return tracked;
    }

    /** @return completes once no request is in flight, from now on */
    public CompletableFuture<Void> drained() {
        draining = true;
        completeIfIdle();
        return drained;
    }

    /** @return a line per request in flight: method, path and query, client address and port */
    public List<String> describe() {
        return open.stream().map(Tracked::describe).sorted().toList();
    }

    private void completeIfIdle() {
        if (draining && open.isEmpty()) {
            drained.complete(null);
        }
    }

    /** One request's callback: it counts the request out when it completes. */
    public final class Tracked extends Callback.Nested {
        private final Request request;

        private Tracked(Request request, Callback callback) {
            super(callback);
            this.request = request;
        }

        /** Counts the request out without completing it: the handler did not take it, or threw. */
        public void untrack() {
            if (open.remove(this)) {
                completeIfIdle();
            }
        }

        @Override
        public void completed() {
            untrack();
        }

        private String describe() {
            return request.getMethod() + " " + request.getHttpURI().getPathQuery() + " from "
                    + Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request);
        }
    }
}
