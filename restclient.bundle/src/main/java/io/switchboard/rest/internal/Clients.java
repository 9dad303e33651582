package io.switchboard.rest.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one moment's configuration sends requests through: the client with the service's own TLS
 * settings and one client per TLS domain. The service swaps the whole set at once; a request takes
 * the set current when it is sent and keeps its client to the end.
 *
 * @param settings the configuration every client here was built for
 * @param own the client without a TLS domain
 * @param domains the client of each TLS domain, by name
 */
record Clients(RestSettings settings, Transfers own, Map<String, Transfers> domains) {
    Clients {
        domains = Map.copyOf(domains);
    }

    /** @return the client for a TLS domain name ({@code null}: the own one), or {@code null} if none */
    Transfers pick(String domain) {
        return domain == null ? own : domains.get(domain);
    }

    /** Retires every client here that {@code next} (or {@code null}: none) does not carry on. */
    void retireAllBut(Clients next) {
        Set<Transfers> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        if (next != null) {
            next.all().forEach(kept::add);
        }
        all().filter(transfers -> !kept.contains(transfers)).forEach(Transfers::retire);
    }

    private Stream<Transfers> all() {
        return Stream.concat(Stream.of(own), domains.values().stream());
    }
}
