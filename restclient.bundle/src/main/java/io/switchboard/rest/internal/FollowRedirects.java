package io.switchboard.rest.internal;

import java.util.Locale;

import org.apache.hc.core5.http.HttpHost;

import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.settings.SettingsReader;

/**
 * {@code follow_redirects}: which redirects the client follows. libcurl and OpenSIPS follow none, and a
 * followed redirect replays the caller's headers (an API key, say) to whatever the {@code Location}
 * names, so each widening is a value of its own.
 */
enum FollowRedirects {
    /** A 3xx is the answer. */
    OFF,
    /** Only to the same scheme, host and port: never to another host, never from https to http. */
    SAME_ORIGIN,
    /**
     * To any http or https URL, https to http included, except for a request with Authorization or
     * Cookie ({@link RedirectRule}).
     */
    ANY;

    /** Redirects one request may follow; past them it fails with -10, as curl's {@code CURLOPT_MAXREDIRS}. */
    static final int MAX_REDIRECTS = 5;

    /** @return the value named by the key's text ({@code off}, {@code same_origin}, {@code any}) */
    static FollowRedirects of(SettingsReader rules, String text) throws SettingRefusedException {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (FollowRedirects value : values()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        throw rules.refused("follow_redirects", text, "must be off, same_origin or any");
    }

    /** @return whether a redirect from {@code current} to {@code next} may be followed */
    boolean allows(HttpHost current, HttpHost next) {
        return switch (this) {
        case OFF -> false;
        case SAME_ORIGIN -> sameOrigin(current, next);
        case ANY -> "http".equalsIgnoreCase(next.getSchemeName()) || "https".equalsIgnoreCase(next.getSchemeName());
        };
    }

    /** RFC 6454 origins: scheme, host and port, the port a URL leaves out being the scheme's own. */
    private static boolean sameOrigin(HttpHost current, HttpHost next) {
        return current.getSchemeName().equalsIgnoreCase(next.getSchemeName())
                && current.getHostName().equalsIgnoreCase(next.getHostName())
                && port(current) == port(next);
    }

    private static int port(HttpHost host) {
        return host.getPort() >= 0 ? host.getPort() : "https".equalsIgnoreCase(host.getSchemeName()) ? 443 : 80;
    }
}
