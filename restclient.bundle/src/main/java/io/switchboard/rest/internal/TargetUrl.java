package io.switchboard.rest.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The URL a request goes to, checked before anything is sent. HttpCore writes each character of a
 * request line as one byte and turns any it cannot write into {@code ?}: a path with an {@code é} would
 * reach the server cut short, its rest read as a query. So characters outside US-ASCII are
 * percent-encoded as UTF-8 here (RFC 3986, 2.5), as a browser does.
 */
final class TargetUrl {
    private TargetUrl() {
    }

    /**
     * @return the URL as an absolute http or https URI in US-ASCII
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException invalid) {
            throw new IllegalArgumentException(invalid.getMessage(), invalid);
        }
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("not an http or https URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "no host name or address, or one with characters a host name cannot have");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("port " + uri.getPort() + " is not 1 to 65535");
        }
        if (uri.getRawUserInfo() != null) {
            // HttpClient 5 refuses it when sending; credentials in URLs also end up in logs.
            throw new IllegalArgumentException("user information in the URL is not sent; use an Authorization header");
        }
        // Parsed once more only when there is something to encode: parsing was a fifth of a call (profile).
        return isAscii(url) ? uri : URI.create(uri.toASCIIString());
    }

    private static boolean isAscii(String url) {
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
