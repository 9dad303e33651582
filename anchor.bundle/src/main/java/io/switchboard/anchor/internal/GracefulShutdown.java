package io.switchboard.anchor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.anchor.GracefulListener;

/**
 * The graceful shutdown: when the framework begins to stop, and before it stops any bundle, every
 * {@link GracefulListener} stops accepting, and the stop waits until none has a request in flight, for
 * at most httpd's {@code shutdown_grace}, or until told to cut ({@link GracefulListener#CUT_CONDITION}).
 * Felix announces the stop with the system bundle's STOPPING event, delivered to synchronous listeners
 * on the thread that stops the framework, before the start level goes down.
 */
@Component(immediate = true, service = {})
public final class GracefulShutdown implements SynchronousBundleListener {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);
    /** The cut requests the log line names; the count covers them all. */
    private static final int NAMED = 20;
    private static final String CUT_FILTER = "(&(" + Constants.OBJECTCLASS + "=org.osgi.service.condition.Condition)"
            + "(osgi.condition.id=" + GracefulListener.CUT_CONDITION + "))";

    private final BundleContext context;
    private final HttpdTimes times;
    private final List<GracefulListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public GracefulShutdown(BundleContext context, @Reference HttpdTimes times) {
        this.context = context;
        this.times = times;
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindGracefulListener(GracefulListener listener) {
        listeners.add(listener);
    }

    void unbindGracefulListener(GracefulListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == Constants.SYSTEM_BUNDLE_ID) {
            drain();
        }
    }

    private void drain() {
        long started = System.nanoTime();
        int grace = times.shutdownGrace();
        List<GracefulListener> draining = List.copyOf(listeners);
        LOG.info("shutdown: the framework is stopping; the listeners ({}) stop accepting, and requests in flight get up to "
                + "shutdown_grace={} ms", draining.size(), grace);
        CompletableFuture<Void> cut = new CompletableFuture<>();
        ServiceListener cutListener = event -> {
            if (event.getType() == ServiceEvent.REGISTERED) {
                cut.complete(null);
            }
        };
        try {
            context.addServiceListener(cutListener, CUT_FILTER);
            if (context.getServiceReferences((String) null, CUT_FILTER) != null) {
                cut.complete(null);
            }
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        try {
            List<CompletableFuture<Void>> idle = new ArrayList<>();
            for (GracefulListener listener : draining) {
                idle.add(drain(listener));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(idle.toArray(CompletableFuture[]::new));
            String reason = await(all, cut, grace);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (reason == null) {
                LOG.info("shutdown: no request in flight after {} ms; stopping the bundles", took);
            } else {
                logCut(draining, reason, took);
            }
        } finally {
            context.removeServiceListener(cutListener);
        }
    }

    private static CompletableFuture<Void> drain(GracefulListener listener) {
        try {
            return listener.drain().toCompletableFuture();
        } catch (RuntimeException failed) {
            LOG.error("shutdown: listener {} failed to stop accepting; not waiting for it", listener, failed);
            return CompletableFuture.completedFuture(null);
        }
    }

    /** @return why the wait ended before every listener was idle, or {@code null} when they all were */
    private static String await(CompletableFuture<Void> all, CompletableFuture<Void> cut, int grace) {
        try {
            CompletableFuture.anyOf(all, cut).get(grace, TimeUnit.MILLISECONDS);
        } catch (TimeoutException ranOut) {
            // reported below
        } catch (ExecutionException failed) {
            LOG.error("shutdown: waiting for the requests in flight failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "the stopping thread was interrupted";
        }
        if (all.isDone()) {
            return null;
        }
        return cut.isDone() ? "told to stop waiting (" + GracefulListener.CUT_CONDITION + ")"
                : "shutdown_grace=" + grace + " ms ran out";
    }

    private static void logCut(List<GracefulListener> draining, String reason, long took) {
        List<String> cut = new ArrayList<>();
        for (GracefulListener listener : draining) {
            try {
                cut.addAll(listener.inFlight());
            } catch (RuntimeException failed) {
                LOG.error("shutdown: listener {} could not say what it has in flight", listener, failed);
            }
        }
        String named = String.join("; ", cut.subList(0, Math.min(NAMED, cut.size())));
        LOG.warn("shutdown: {} after {} ms; cutting the requests still in flight ({}): {}{}", reason, took, cut.size(), named,
                cut.size() > NAMED ? "; and " + (cut.size() - NAMED) + " more" : "");
    }
}
