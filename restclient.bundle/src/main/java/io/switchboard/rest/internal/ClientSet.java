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
record ClientSet(RestSettings settings, PooledClient own, Map<String, PooledClient> domains) {
    ClientSet {
        domains = Map.copyOf(domains);
    }

    /** @return the client for a TLS domain name ({@code null}: the own one), or {@code null} if none */
    PooledClient pick(String domain) {
        return domain == null ? own : domains.get(domain);
    }

    /** Retires every client here that {@code next} (or {@code null}: none) does not carry on. */
    void retireAllBut(ClientSet next) {
        Set<PooledClient> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        if (next != null) {
            next.all().forEach(kept::add);
        }
        all().filter(client -> !kept.contains(client)).forEach(PooledClient::retire);
    }

    private Stream<PooledClient> all() {
        return Stream.concat(Stream.of(own), domains.values().stream());
    }
}
