package io.switchboard.httpd.internal;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import io.switchboard.httpd.RootHandler;
import io.switchboard.httpd.RootPath;

/**
 * One registered root handler, as data; what it has under way the registry keeps beside it. Ordered
 * by root, then by service precedence (higher {@code service.ranking}, then lower {@code service.id})
 * so the first entry of a root serves it.
 */
final class RootEntry implements Comparable<RootEntry> {
    private final ServiceReference<RootHandler> reference;
    private final RootHandler handler;
    private final String root;
    private final String module;
    private final int ranking;

    RootEntry(ServiceReference<RootHandler> reference, RootHandler handler, String root) {
        this.reference = reference;
        this.handler = handler;
        this.root = root;
        this.module = moduleOf(reference);
        this.ranking = reference.getProperty(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
    }

    /** @return this handler with the ranking and module {@code changed} now has */
    RootEntry reranked(ServiceReference<RootHandler> changed) {
        return new RootEntry(changed, handler, root);
    }

    /**
     * @return the root the service asks for, or {@code null} when its {@value RootHandler#ROOT}
     *         property is missing, not a single path segment, or a name httpd's statistics reserve
     */
    static String rootOf(ServiceReference<?> reference) {
        Object value = reference.getProperty(RootHandler.ROOT);
        if (!(value instanceof String root)) {
            return null;
        }
        String trimmed = root.trim();
        if (trimmed.equals(RootHandler.FALLBACK)) {
            return trimmed;
        }
        if (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        boolean segment = !trimmed.isEmpty() && !trimmed.contains("/") && !trimmed.equals(".") && !trimmed.equals("..");
        return segment && !RootStatistics.RESERVED.contains(trimmed) ? trimmed : null;
    }

    private static String moduleOf(ServiceReference<?> reference) {
        Object module = reference.getProperty(RootHandler.MODULE);
        if (module instanceof String name && !name.isBlank()) {
            return name;
        }
        return reference.getBundle() == null ? "" : reference.getBundle().getSymbolicName();
    }

    /** @return {@code true} when {@code other} routes and lists exactly as this entry does */
    boolean sameRouting(ServiceReference<RootHandler> other) {
        return root.equals(rootOf(other)) && module.equals(moduleOf(other))
                && ranking == (other.getProperty(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0);
    }

    @Override
    public int compareTo(RootEntry other) {
        int byRoot = root.compareTo(other.root);
        // ServiceReference orders the preferred service last; the serving entry must come first.
        return byRoot != 0 ? byRoot : other.reference.compareTo(reference);
    }

    RootPath describe(boolean serving) {
        var bundle = reference.getBundle();
        return new RootPath(root, module, bundle == null ? "" : bundle.getSymbolicName(),
                bundle == null ? -1 : bundle.getBundleId(), serviceId(), ranking, serving);
    }

    long serviceId() {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    ServiceReference<RootHandler> reference() {
        return reference;
    }

    RootHandler handler() {
        return handler;
    }

    String root() {
        return root;
    }
}
