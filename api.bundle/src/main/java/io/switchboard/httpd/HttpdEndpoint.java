package io.switchboard.httpd;

import java.net.URI;

/**
 * Where the server listens.
 *
 * @param host the address the listener is bound to, {@code 0.0.0.0} for all
 * @param port the port
 * @param secure {@code true} for HTTPS
 */
public record HttpdEndpoint(String host, int port, boolean secure) {

    /**
     * @return the base URI a client on this machine can use; a listener on all addresses is reached
     *         through {@code 127.0.0.1}
     */
    public URI uri() {
        String reachable = host.isEmpty() || "0.0.0.0".equals(host) ? "127.0.0.1"
                : "::".equals(host) ? "[::1]" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create((secure ? "https" : "http") + "://" + reachable + ":" + port + "/");
    }
}
