package io.switchboard.xhttp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import org.osgi.framework.ServiceReference;

import io.switchboard.xhttp.HttpEventHandler;

/**
 * The event handlers of one route. Writers synchronize and swap in a new sorted list; request
 * threads read it without locking.
 */
final class HandlerTable {
    /** One handler and the reference that ranks it. */
    record Entry(ServiceReference<HttpEventHandler> reference, HttpEventHandler handler) {
        String name() {
            return reference.getProperty(HttpEventHandler.CALLBACK) instanceof String name ? name : null;
        }

        boolean nonBlocking() {
            Object promise = reference.getProperty(HttpEventHandler.NON_BLOCKING);
            return Boolean.TRUE.equals(promise) || "true".equals(promise);
        }

        String describe() {
            return "service " + reference.getProperty("service.id")
                    + (name() == null ? "" : " (" + HttpEventHandler.CALLBACK + "=" + name() + ")");
        }
    }

    private final Map<Object, Entry> byServiceId = new HashMap<>();
    private volatile List<Entry> sorted = List.of();

    /** @return {@code true} when the table went from empty to one handler */
    synchronized boolean add(ServiceReference<HttpEventHandler> reference, HttpEventHandler handler) {
        boolean first = byServiceId.isEmpty();
        byServiceId.put(reference.getProperty("service.id"), new Entry(reference, handler));
        resort();
        return first;
    }

    /** @return {@code true} when the table became empty */
    synchronized boolean remove(ServiceReference<HttpEventHandler> reference) {
        byServiceId.remove(reference.getProperty("service.id"));
        resort();
        return byServiceId.isEmpty();
    }

    /** Re-sorts after a ranking or name change. */
    synchronized void modified(ServiceReference<HttpEventHandler> reference, HttpEventHandler handler) {
        add(reference, handler);
    }

    private void resort() {
        List<Entry> next = new ArrayList<>(byServiceId.values());
        // ServiceReference orders the preferred service last; reversed, the first entry is called.
        next.sort((a, b) -> b.reference().compareTo(a.reference()));
        sorted = List.copyOf(next);
    }

    /**
     * @param callback the {@code event_callback} name, empty for the best-ranked handler
     * @return the handler to call, or {@code null}
     */
    Entry select(String callback) {
        List<Entry> current = sorted;
        if (callback.isEmpty()) {
            return current.isEmpty() ? null : current.get(0);
        }
        for (Entry entry : current) {
            if (callback.equals(entry.name())) {
                return entry;
            }
        }
        return null;
    }

    boolean isEmpty() {
        return sorted.isEmpty();
    }
}
