package io.switchboard.httpd.internal;

import java.net.URI;
import java.util.Optional;

import io.switchboard.httpd.HttpdEndpoint;

/** Reads where Pax Web listens from its runtime service's {@code osgi.http.endpoint} property. */
final class Endpoints {
    static final String ENDPOINT_PROPERTY = "osgi.http.endpoint";

    private Endpoints() {
    }

    /**
     * @param property a {@code String} or {@code String[]} of URLs such as {@code http://0.0.0.0:8888/}
     * @return the first endpoint with a port; empty while the server does not listen (Pax Web then
     *         says just {@code /})
     */
    static Optional<HttpdEndpoint> parse(Object property) {
        Object[] values = property instanceof Object[] array ? array : new Object[] { property };
        for (Object value : values) {
            if (value instanceof String text) {
                try {
                    URI uri = URI.create(text.trim());
                    if (uri.getHost() != null && uri.getPort() > 0) {
                        String host = uri.getHost().startsWith("[")
                                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                                : uri.getHost();
                        return Optional.of(new HttpdEndpoint(host, uri.getPort(), "https".equals(uri.getScheme())));
                    }
                } catch (IllegalArgumentException notAUrl) {
                    // Pax Web publishes "/" while stopped; keep looking
                }
            }
        }
        return Optional.empty();
    }
}
