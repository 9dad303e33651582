package io.switchboard.rest.internal;

import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient's own redirect handling, narrowed to what {@code follow_redirects} allows. A redirect it
 * does not allow is not an error: HttpClient then hands the 3xx over as the answer.
 */
final class RedirectRule extends DefaultRedirectStrategy {
    private final FollowRedirects follow;

    RedirectRule(FollowRedirects follow) {
        this.follow = follow;
    }

    /**
     * Also HttpClient's own rule: no Authorization or Cookie header goes to another host. That rule
     * compares host and port only, so https://h:8443 to http://h:8443 would replay them in the clear:
     * such a redirect is not followed either.
     */
    @Override
    public boolean isRedirectAllowed(HttpHost current, HttpHost next, HttpRequest redirect, HttpContext context) {
        return follow.allows(current, next) && !(leavesTls(current, next) && carriesCredentials(redirect))
                && super.isRedirectAllowed(current, next, redirect, context);
    }

    private static boolean leavesTls(HttpHost current, HttpHost next) {
        return "https".equalsIgnoreCase(current.getSchemeName()) && !"https".equalsIgnoreCase(next.getSchemeName());
    }

    private static boolean carriesCredentials(HttpRequest request) {
        return request.containsHeader(HttpHeaders.AUTHORIZATION) || request.containsHeader(HttpHeaders.COOKIE);
    }
}
