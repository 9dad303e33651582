package io.switchboard.mihttp.commands;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.anchor.HttpdAnchor;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;

/**
 * What the {@code container:bundle_*} commands share: finding a bundle by id or symbolic name,
 * describing it, and changing bundles off the caller's thread with a bounded wait.
 * <p>
 * The caller is an MI request, served by mihttp through httpd and the anchor. When the change reaches
 * one of those (or the framework), waiting for it would have the request wait for its own way back to
 * the client to go away (and that departure waits for the requests under way), so the command answers
 * at once with the status {@code started}. Otherwise it waits up to
 * {@link #WAIT}: {@code done} when the change completed, {@code running} when it still runs after that
 * (a bundle slow to stop); a change that fails within the wait is an error 500 with the framework's
 * message, one that fails later is logged.
 */
final class BundleOperations {
    /** The error code for a bundle that is not installed. */
    static final int NOT_FOUND = 404;
    /** The error code for a change the framework refused or that failed. */
    static final int FAILED = 500;
    static final Duration WAIT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(BundleOperations.class);

    /** A change of one bundle, run on a thread of its own. */
    @FunctionalInterface
    interface Change {
        void apply(Bundle bundle) throws Exception;
    }

    private final BundleContext context;
    private final long self;

    BundleOperations(BundleContext context) {
        this.context = context;
        this.self = context.getBundle().getBundleId();
    }

    /**
     * @param bundle a bundle id, or a symbolic name that one installed bundle has
     * @throws MiException 404 when no bundle has that id or name; -32602 when several have the name
     */
    Bundle find(String bundle) throws MiException {
        if (bundle.matches("\\d{1,18}")) {
            Bundle found = context.getBundle(Long.parseLong(bundle));
            if (found == null) {
                throw new MiException(NOT_FOUND, "no bundle with id " + bundle);
            }
            return found;
        }
        List<Bundle> named = Arrays.stream(context.getBundles()).filter(b -> bundle.equals(b.getSymbolicName())).toList();
        if (named.isEmpty()) {
            throw new MiException(NOT_FOUND, "no bundle named " + bundle);
        }
        if (named.size() > 1) {
            throw MiException.invalidParams("several bundles are named " + bundle + " (ids "
                    + named.stream().map(b -> Long.toString(b.getBundleId())).collect(Collectors.joining(", ")) + "); give an id");
        }
        return named.get(0);
    }

    /** @return {@code {"id", "symbolic_name", "version", "state"}} of {@code bundle} */
    static Map<String, Object> describe(Bundle bundle) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", bundle.getBundleId());
        description.put("symbolic_name", bundle.getSymbolicName());
        description.put("version", bundle.getVersion().toString());
        description.put("state", state(bundle.getState()));
        return description;
    }

    /**
     * Runs {@code change} of the bundle the parameter {@code bundle} names ({@link #find}) on a new thread
     * and waits for it as the class describes.
     *
     * @return {@link #describe} of the bundle after the change, with {@code status}
     */
    Map<String, Object> change(String verb, MiParams params, Change change) throws MiException {
        Bundle bundle = find(params.string("bundle"));
        boolean detach = touchesRequestPath(List.of(bundle));
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                change.apply(bundle);
                done.complete(null);
            } catch (Exception | LinkageError e) {
                done.completeExceptionally(e);
            }
        }, "MI " + verb + " of bundle " + bundle.getBundleId());
        thread.setDaemon(true);
        thread.start();
        String status = await(verb + " of bundle " + bundle.getBundleId(), done, detach);
        Map<String, Object> result = describe(bundle);
        result.put("status", status);
        return result;
    }

    /**
     * Refreshes {@code bundles}, or with {@code null} the bundles pending removal, and waits for it as the
     * class describes; the framework runs refreshes on a thread of its own.
     *
     * @return {@code {"refreshed": [ids of every bundle the refresh restarts], "status": ...}}
     */
    Map<String, Object> refresh(Collection<Bundle> bundles) throws MiException {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        Collection<Bundle> closure = wiring.getDependencyClosure(bundles == null ? wiring.getRemovalPendingBundles() : bundles);
        List<Long> ids = closure.stream().map(Bundle::getBundleId).sorted().toList();
        boolean detach = touchesRequestPath(closure);
        CompletableFuture<Void> done = new CompletableFuture<>();
        wiring.refreshBundles(bundles, event -> done.complete(null));
        String status = await("refresh of bundles " + ids, done, detach);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("refreshed", ids);
        result.put("status", status);
        return result;
    }

    private String await(String what, CompletableFuture<Void> done, boolean detach) throws MiException {
        String status = "started";
        if (!detach) {
            try {
                done.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                return "done";
            } catch (ExecutionException e) {
                throw new MiException(FAILED, what + " failed: " + e.getCause().getMessage());
            } catch (TimeoutException e) {
                status = "running";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = "running";
            }
        }
        done.whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.error("{} failed after the MI command had answered", what, failure);
            }
        });
        return status;
    }

    /** Decided before the change starts: a change of mihttp invalidates {@link #context} as it goes. */
    private boolean touchesRequestPath(Collection<Bundle> bundles) {
        return bundles.stream().anyMatch(bundle -> bundle.getBundleId() == 0 || bundle.getBundleId() == self
                || carriesRequests(bundle));
    }

    /** @return whether {@code bundle} is httpd or the anchor: the MI's requests pass through its services */
    private static boolean carriesRequests(Bundle bundle) {
        ServiceReference<?>[] services = bundle.getRegisteredServices();
        return services != null && Arrays.stream(services).anyMatch(service ->
                service.getProperty(HttpdAnchor.DISPATCHER) != null || service.getProperty(HttpdAnchor.IN_SERVICE) != null);
    }

    private static String state(int state) {
        switch (state) {
        case Bundle.UNINSTALLED:
            return "UNINSTALLED";
        case Bundle.INSTALLED:
            return "INSTALLED";
        case Bundle.RESOLVED:
            return "RESOLVED";
        case Bundle.STARTING:
            return "STARTING";
        case Bundle.STOPPING:
            return "STOPPING";
        case Bundle.ACTIVE:
            return "ACTIVE";
        default:
            return Integer.toString(state);
        }
    }
}
