package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.junit.jupiter.api.Test;

class RedirectRuleTest {
    private static final HttpHost SECURE = new HttpHost("https", "h", 8443);
    private static final HttpHost CLEAR_SAME_PORT = new HttpHost("http", "h", 8443);
    private final RedirectRule any = new RedirectRule(FollowRedirects.ANY);

    @Test
    void anyNeverTakesAuthorizationOrCookieFromHttpsToHttpEvenOnTheSameHostAndPort() {
        assertThat(allowed(SECURE, CLEAR_SAME_PORT, "Authorization", "Bearer t")).isFalse();
        assertThat(allowed(SECURE, CLEAR_SAME_PORT, "authorization", "Basic dTpw")).isFalse();
        assertThat(allowed(SECURE, CLEAR_SAME_PORT, "Cookie", "session=s")).isFalse();
    }

    @Test
    void anyFollowsFromHttpsToHttpWithoutCredentialsAndKeepsThemWithinTls() {
        assertThat(allowed(SECURE, CLEAR_SAME_PORT, "X-Test", "plain")).isTrue();
        assertThat(allowed(SECURE, new HttpHost("https", "h", 8443), "Authorization", "Bearer t")).isTrue();
        assertThat(allowed(new HttpHost("http", "h", 80), new HttpHost("https", "h", 80), "Cookie", "s=1")).isTrue();
    }

    @Test
    void httpClientsOwnRuleStillKeepsCredentialsOffOtherHosts() {
        assertThat(allowed(SECURE, new HttpHost("https", "other", 8443), "Authorization", "Bearer t")).isFalse();
    }

    private boolean allowed(HttpHost current, HttpHost next, String header, String value) {
        HttpRequest redirect = new BasicHttpRequest("GET", next, "/");
        redirect.addHeader(header, value);
        return any.isRedirectAllowed(current, next, redirect, HttpClientContext.create());
    }
}
