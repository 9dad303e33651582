package io.switchboard.httpd.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.httpd.RootHandler;
import io.switchboard.httpd.RootPath;

/**
 * Every root handler, serving or waiting. Writers synchronize and swap in a new immutable table;
 * request threads read the current table without locking.
 */
final class RootRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RootRegistry.class);

    /** Runs after every change, outside the lock. */
    private final Runnable onChange;
    private final Map<Long, RootEntry> byServiceId = new HashMap<>();
    private volatile Map<String, RootEntry> serving = Map.of();
    private volatile List<RootEntry> all = List.of();

    RootRegistry(Runnable onChange) {
        this.onChange = onChange;
    }

    /** @return the entry serving {@code root}, or {@code null} */
    RootEntry serving(String root) {
        return serving.get(root);
    }

    void add(ServiceReference<RootHandler> reference, RootHandler handler) {
        String root = RootEntry.rootOf(reference);
        if (root == null) {
            LOG.error("root handler service {} of bundle {} ignored: property {}={} must be one path segment or {}",
                    reference.getProperty("service.id"), reference.getBundle(), RootHandler.ROOT,
                    reference.getProperty(RootHandler.ROOT), RootHandler.FALLBACK);
            return;
        }
        synchronized (this) {
            byServiceId.put((Long) reference.getProperty("service.id"), new RootEntry(reference, handler, root));
            rebuild();
        }
        onChange.run();
    }

    void modified(ServiceReference<RootHandler> reference, RootHandler handler) {
        String root = RootEntry.rootOf(reference);
        boolean rerouted;
        synchronized (this) {
            Long id = (Long) reference.getProperty("service.id");
            RootEntry current = byServiceId.get(id);
            rerouted = current == null || root == null || !root.equals(current.root());
            if (!rerouted && !current.sameRouting(reference)) {
                // Same root: re-rank in one step, keeping its open deferred responses.
                byServiceId.put(id, current.reranked(reference));
                rebuild();
            }
        }
        if (rerouted) {
            remove(reference);
            add(reference, handler);
        } else {
            onChange.run();
        }
    }

    void remove(ServiceReference<RootHandler> reference) {
        RootEntry removed;
        synchronized (this) {
            removed = byServiceId.remove((Long) reference.getProperty("service.id"));
            if (removed == null) {
                return;
            }
            rebuild();
        }
        removed.abandon();
        onChange.run();
    }

    /** @return every entry, serving ones first within each root */
    List<RootPath> list() {
        Map<String, RootEntry> current = serving;
        List<RootPath> result = new ArrayList<>();
        for (RootEntry entry : all) {
            result.add(entry.describe(current.get(entry.root()) == entry));
        }
        return result;
    }

    /** @return every handler, serving or waiting */
    List<RootHandler> handlers() {
        return all.stream().map(RootEntry::handler).toList();
    }

    private void rebuild() {
        TreeSet<RootEntry> sorted = new TreeSet<>(byServiceId.values());
        Map<String, RootEntry> winners = new HashMap<>();
        for (RootEntry entry : sorted) {
            RootEntry winner = winners.putIfAbsent(entry.root(), entry);
            if (winner != null) {
                LOG.debug("root {}: service {} waits behind service {}", entry.root(), entry.serviceId(),
                        winner.serviceId());
            }
        }
        serving = Map.copyOf(winners);
        all = List.copyOf(sorted);
    }
}
