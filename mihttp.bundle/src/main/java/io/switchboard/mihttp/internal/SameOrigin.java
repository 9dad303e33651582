package io.switchboard.mihttp.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.switchboard.httpd.HttpdRequest;

/**
 * Keeps other web sites out of a browser's session with the MI. A page elsewhere can make a browser
 * send requests here with its credentials, or, through DNS rebinding, under this site's address; the
 * browser marks both. Checked before anything runs:
 * <ul>
 * <li>an {@code Origin} header must name the host and port the request was sent to;</li>
 * <li>while no users are configured (loopback clients have every right), the name the client
 * addressed must be a loopback one, so a rebound name cannot borrow that trust;</li>
 * <li>JSON-RPC must come as {@code application/json}, which a page cannot send cross-site without
 * the browser asking first.</li>
 * </ul>
 */
final class SameOrigin {
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private SameOrigin() {
    }

    /** @return why the request is refused, or empty when it may go on */
    static Optional<String> refusal(HttpdRequest request, boolean loopbackTrust) {
        String addressed = request.serverName() + ":" + request.serverPort();
        Optional<String> origin = request.header("Origin");
        if (origin.isPresent() && !sameAuthority(origin.get(), request)) {
            return Optional.of("Origin " + origin.get() + " is not this site (" + addressed + ")");
        }
        if (loopbackTrust && !loopbackName(request.serverName())) {
            return Optional.of("the request was sent to " + addressed
                    + ", not a loopback name, and only loopback clients are trusted");
        }
        return Optional.empty();
    }

    /** @return whether a JSON-RPC POST declares a JSON body */
    static boolean json(HttpdRequest request) {
        String type = request.contentType().orElse("").toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().equals("application/json");
    }

    /** Opaque origins ({@code null}) and malformed ones never match. */
    private static boolean sameAuthority(String origin, HttpdRequest request) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getHost().equalsIgnoreCase(request.serverName()) && port == request.serverPort();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static boolean loopbackName(String name) {
        String host = name.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("[::1]") || LOOPBACK_IPV4.matcher(host).matches();
    }
}
