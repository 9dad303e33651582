package io.switchboard.rest.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS domain services the REST client tracks, and which one serves each name: two domains with
 * one name are resolved as every Switchboard registry resolves a conflict, by
 * {@link ServiceReference#compareTo} (higher {@code service.ranking}, then lower {@code service.id});
 * the other waits, logged, and serves once the first goes. Not thread-safe: the client's lock guards it.
 */
final class TlsDomains {
    private static final Logger LOG = LoggerFactory.getLogger(TlsDomains.class);

    private final Map<ServiceReference<TlsDomain>, TlsDomain> domains = new TreeMap<>(Collections.reverseOrder());

    void put(ServiceReference<TlsDomain> reference, TlsDomain domain) {
        domains.put(reference, domain);
    }

    void remove(ServiceReference<TlsDomain> reference) {
        domains.remove(reference);
    }

    /** @return the settings serving each name; domains never validly configured are left out */
    Map<String, TlsDomainSettings> byName() {
        Map<String, TlsDomainSettings> serving = new LinkedHashMap<>();
        domains.forEach((reference, domain) -> {
            TlsDomainSettings settings = domain.settings();
            if (settings != null && serving.putIfAbsent(settings.name(), settings) != null) {
                LOG.warn("TLS client domain {} is configured twice; the one of service {} waits", settings.name(),
                        reference.getProperty("service.id"));
            }
        });
        return serving;
    }
}
