package io.switchboard.mihttp.internal;

import java.util.List;
import java.util.Optional;

import io.switchboard.httpd.HttpdRequest;

/**
 * The headers a reverse proxy adds. A request carrying one came from wherever the proxy's client is,
 * whatever address it arrived from; a proxy that adds none cannot be told from a local client.
 */
final class ProxyHeaders {
    private static final List<String> NAMES = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP", "Via");

    private ProxyHeaders() {
    }

    /** @return the name of the first proxy header the request carries */
    static Optional<String> first(HttpdRequest request) {
        for (String name : NAMES) {
            if (request.header(name).isPresent()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
