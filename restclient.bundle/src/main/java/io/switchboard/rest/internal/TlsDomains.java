package io.switchboard.rest.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS domain services the REST client tracks, and which one serves each name: two domains with
 * one name are resolved as every Switchboard registry resolves a conflict, by
 * {@link ServiceReference#compareTo} (higher {@code service.ranking}, then lower {@code service.id});
 * the other waits, logged, and serves once the first goes. Kept by {@code service.id}, which never
 * changes, and sorted only when read: a sorted map keyed by the references would lose them when their
 * ranking changes. Not thread-safe: the client's lock guards it.
 */
final class TlsDomains {
    private static final Logger LOG = LoggerFactory.getLogger(TlsDomains.class);

    private record Tracked(ServiceReference<TlsDomain> reference, TlsDomain domain) {
    }

    private final Map<Object, Tracked> domains = new HashMap<>();

    void put(ServiceReference<TlsDomain> reference, TlsDomain domain) {
        domains.put(id(reference), new Tracked(reference, domain));
    }

    void remove(ServiceReference<TlsDomain> reference) {
        domains.remove(id(reference));
    }

    /** @return the settings serving each name; domains never validly configured are left out */
    Map<String, TlsDomainSettings> byName() {
        List<Tracked> ranked = new ArrayList<>(domains.values());
        ranked.sort(Collections.reverseOrder((a, b) -> a.reference().compareTo(b.reference())));
        Map<String, TlsDomainSettings> serving = new LinkedHashMap<>();
        for (Tracked tracked : ranked) {
            TlsDomainSettings settings = tracked.domain().settings();
            if (settings != null && serving.putIfAbsent(settings.name(), settings) != null) {
                LOG.warn("TLS client domain {} is configured twice; the one of service {} waits", settings.name(),
                        id(tracked.reference()));
            }
        }
        return serving;
    }

    private static Object id(ServiceReference<TlsDomain> reference) {
        return reference.getProperty("service.id");
    }
}
