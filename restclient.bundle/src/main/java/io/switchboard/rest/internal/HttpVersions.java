package io.switchboard.rest.internal;

import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.core5.function.Resolver;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.HeaderElements;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.util.Timeout;

/**
 * {@code curl_http_version} in HttpClient's terms. HttpClient decides the protocol per connection from
 * the {@link TlsConfig} it resolves for the target host, for clear-text connections too, so the
 * version policy is chosen per scheme:
 * <table>
 * <tr><th>value</th><th>https</th><th>http</th></tr>
 * <tr><td>0 auto</td><td>ALPN offers h2 and http/1.1</td><td>HTTP/1.1</td></tr>
 * <tr><td>1 HTTP/1.0</td><td colspan="2">HTTP/1.1 framing, one request per connection
 * ({@code Connection: close}): HttpClient 5 writes every HTTP/1.x request line as HTTP/1.1 (its request
 * writer takes the version from a configuration the async client does not let us set), so this is the
 * nearest it comes to curl's HTTP/1.0 on the wire</td></tr>
 * <tr><td>2 HTTP/1.1</td><td>http/1.1 only</td><td>HTTP/1.1</td></tr>
 * <tr><td>3 HTTP/2, fall back</td><td>ALPN offers h2 and http/1.1</td><td>HTTP/1.1 (HttpClient has no
 * {@code Upgrade: h2c}, so this is the fallback)</td></tr>
 * <tr><td>4 HTTP/2 over TLS only</td><td>ALPN offers h2 and http/1.1</td><td>HTTP/1.1</td></tr>
 * <tr><td>5 h2c prior knowledge</td><td>ALPN offers h2 and http/1.1</td><td>HTTP/2 preface at once</td></tr>
 * </table>
 * 0 behaves as libcurl 7.62 and later do by default (their {@code CURL_HTTP_VERSION_2TLS}).
 */
final class HttpVersions {
    private HttpVersions() {
    }

    /** The TLS configuration of each target host for {@code curl_http_version}. */
    static Resolver<HttpHost, TlsConfig> resolver(int curlHttpVersion, Timeout handshake) {
        TlsConfig secure = config(curlHttpVersion <= 2 && curlHttpVersion > 0 ? HttpVersionPolicy.FORCE_HTTP_1
                : HttpVersionPolicy.NEGOTIATE, handshake);
        TlsConfig clear = config(curlHttpVersion == 5 ? HttpVersionPolicy.FORCE_HTTP_2 : HttpVersionPolicy.FORCE_HTTP_1,
                handshake);
        return host -> "https".equalsIgnoreCase(host.getSchemeName()) ? secure : clear;
    }

    /** For {@code curl_http_version} 1: no connection outlives its request, as with HTTP/1.0. */
    static final HttpRequestInterceptor ONE_REQUEST_PER_CONNECTION = (request, entity, context) -> request
            .setHeader(HttpHeaders.CONNECTION, HeaderElements.CLOSE);

    private static TlsConfig config(HttpVersionPolicy policy, Timeout handshake) {
        return TlsConfig.custom().setVersionPolicy(policy).setHandshakeTimeout(handshake).build();
    }
}
