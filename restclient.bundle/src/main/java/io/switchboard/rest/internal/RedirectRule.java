package io.switchboard.rest.internal;

import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
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

    /** Also HttpClient's own rule: no Authorization or Cookie header goes to another host. */
    @Override
    public boolean isRedirectAllowed(HttpHost current, HttpHost next, HttpRequest redirect, HttpContext context) {
        return follow.allows(current, next) && super.isRedirectAllowed(current, next, redirect, context);
    }
}
