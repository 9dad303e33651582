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
 * A listener that comes during the wait (its bundle was being updated) is drained as it comes. Felix
 * announces the stop with the system bundle's STOPPING event, delivered to synchronous listeners on
 * the thread that stops the framework, before the start level goes down.
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
    /** The drain under way, {@code null} before; guarded by {@code this}. */
    private Draining draining;

    /** The listeners a shutdown drains, and what each has left in flight. */
    private static final class Draining {
        final List<GracefulListener> listeners = new ArrayList<>();
        final List<CompletableFuture<Void>> idle = new ArrayList<>();
        /** Completes when a listener joins: the wait starts over with it. */
        CompletableFuture<Void> joined = new CompletableFuture<>();
    }

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
        boolean late;
        synchronized (this) {
            late = draining != null;
        }
        if (late) {
            join(listener);
        }
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
        synchronized (this) {
            draining = new Draining();
        }
        LOG.info("shutdown: the framework is stopping; the listeners ({}) stop accepting, and requests in flight get "
                + "up to shutdown_grace={} ms", listeners.size(), grace);
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
            listeners.forEach(this::join);
            String reason = await(cut, started + TimeUnit.MILLISECONDS.toNanos(grace), grace);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (reason == null) {
                LOG.info("shutdown: no request in flight after {} ms; stopping the bundles", took);
            } else {
                logCut(reason, took);
            }
        } finally {
            context.removeServiceListener(cutListener);
        }
    }

    /** Drains {@code listener} unless it is drained already. */
    private void join(GracefulListener listener) {
        synchronized (this) {
            if (draining.listeners.contains(listener)) {
                return;
            }
            draining.listeners.add(listener);
        }
        // Not under the lock: a listener's drain takes its own.
        CompletableFuture<Void> idle;
        try {
            idle = listener.drain().toCompletableFuture();
        } catch (RuntimeException failed) {
            LOG.error("shutdown: listener {} failed to stop accepting; not waiting for it", listener, failed);
            idle = CompletableFuture.completedFuture(null);
        }
        synchronized (this) {
            draining.idle.add(idle);
            draining.joined.complete(null);
        }
    }

    /** @return why the wait ended before every listener was idle, or {@code null} when they all were */
    private String await(CompletableFuture<Void> cut, long deadlineNanos, int grace) {
        while (true) {
            CompletableFuture<Void> all;
            CompletableFuture<Void> joined;
            synchronized (this) {
                all = CompletableFuture.allOf(draining.idle.toArray(CompletableFuture[]::new));
                joined = draining.joined = new CompletableFuture<>();
            }
            try {
                CompletableFuture.anyOf(all, cut, joined).get(Math.max(0, deadlineNanos - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
            } catch (TimeoutException ranOut) {
                return "shutdown_grace=" + grace + " ms ran out";
            } catch (ExecutionException failed) {
                LOG.error("shutdown: waiting for the requests in flight failed", failed.getCause());
                return "waiting failed";
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return "the stopping thread was interrupted";
            }
            if (joined.isDone()) {
                continue;
            }
            if (all.isDone()) {
                return null;
            }
            return "told to stop waiting (" + GracefulListener.CUT_CONDITION + ")";
        }
    }

    private void logCut(String reason, long took) {
        List<GracefulListener> drained;
        synchronized (this) {
            drained = List.copyOf(draining.listeners);
        }
        List<String> cut = new ArrayList<>();
        for (GracefulListener listener : drained) {
            try {
                cut.addAll(listener.inFlight());
            } catch (RuntimeException failed) {
                LOG.error("shutdown: listener {} could not say what it has in flight", listener, failed);
            }
        }
        String named = String.join("; ", cut.subList(0, Math.min(NAMED, cut.size())));
        LOG.warn("shutdown: {} after {} ms; cutting the requests still in flight ({}): {}{}", reason, took, cut.size(),
                named, cut.size() > NAMED ? "; and " + (cut.size() - NAMED) + " more" : "");
    }
}
