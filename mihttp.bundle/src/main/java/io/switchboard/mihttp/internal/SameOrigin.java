package io.switchboard.mihttp.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

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
    private SameOrigin() {
    }

    /** @return why the request is refused, or empty when it may go on */
    static Optional<String> refusal(HttpdRequest request, boolean loopbackTrust) {
        Optional<String> origin = request.header("Origin");
        if (origin.isPresent() && !sameAuthority(origin.get(), request)) {
            return Optional.of("Origin " + origin.get() + " is not this site (" + addressed(request) + ")");
        }
        if (loopbackTrust && !loopbackName(request.serverName())) {
            return Optional.of("the request was sent to " + addressed(request)
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

    private static String addressed(HttpdRequest request) {
        return request.serverName() + ":" + request.serverPort();
    }

    /**
     * @return whether {@code name}, as the client wrote it, is {@code localhost}, {@code [::1]} or a
     *         dotted quad in 127.0.0.0/8; checked by hand, as the regular expression it replaces showed
     *         in the MI's profile
     */
    static boolean loopbackName(String name) {
        // Not equalsIgnoreCase, which takes a long s (U+017F) for an s: "localhost" exactly, in any ASCII case.
        return name.length() == 9 && name.toLowerCase(Locale.ROOT).equals("localhost") || name.equals("[::1]")
                || loopbackIpv4(name);
    }

    /** One pass over the characters: splitting or a stream per request showed in the MI's profile too. */
    private static boolean loopbackIpv4(String name) {
        if (!name.startsWith("127.")) {
            return false;
        }
        int dots = 1;
        int digits = 0;
        for (int i = 4; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' && digits > 0) {
                dots++;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                digits++;
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0;
    }
}
