package io.switchboard.rest.internal;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import io.switchboard.rest.RestResponse;

/**
 * One HttpClient with its connection pool, for one configuration and one TLS context (the client's
 * own or a TLS domain's). Nothing in it changes: a new configuration makes a new one, and this one is
 * retired; requests already given to it finish on it, and it closes after the last.
 */
final class PooledClient {
    /** Closing interrupts the I/O threads at once; they end within moments. */
    private static final TimeValue CLOSE_WAIT = TimeValue.ofSeconds(5);

    private final RestSettings settings;
    private final TlsDomainSettings domain;
    private final ServiceResources resources;
    private final CloseableHttpAsyncClient client;
    private final ReactorFailures reactorFailures;
    /** Closes this client once it is retired and its last request has ended; never on one of its own I/O threads. */
    private final RetiringUsers users = new RetiringUsers(() -> resources().closer().execute(this::close));
    /** Taken to close, so a second closer waits for the first: the client is closed when close() returns. */
    private final Object closing = new Object();
    private boolean closed;

    /** @param domain the TLS settings: a TLS domain's, or the configuration's own as an unnamed one */
    PooledClient(RestSettings settings, TlsDomainSettings domain, ServiceResources resources) {
        this(settings, domain, resources, new ReactorFailures());
    }

    private PooledClient(RestSettings settings, TlsDomainSettings domain, ServiceResources resources,
            ReactorFailures reactorFailures) {
        this(settings, domain, resources, build(settings, domain, resources, reactorFailures), reactorFailures);
    }

    /**
     * @param client the HttpClient built for {@code settings} and {@code domain}; started here
     * @param reactorFailures the callback {@code client} reports its I/O threads' failures to
     */
    PooledClient(RestSettings settings, TlsDomainSettings domain, ServiceResources resources,
            CloseableHttpAsyncClient client, ReactorFailures reactorFailures) {
        this.settings = settings;
        this.domain = domain;
        this.resources = resources;
        this.client = client;
        this.reactorFailures = reactorFailures;
        client.start();
        resources.open().add(this);
    }

    private static CloseableHttpAsyncClient build(RestSettings settings, TlsDomainSettings domain,
            ServiceResources resources, ReactorFailures reactorFailures) {
        // HttpClient's default leaves the name to JSSE's endpoint identification, which did not refuse a
        // certificate for another host here: its own verifier checks too. Off, neither checks.
        ClientTlsStrategyBuilder tlsStrategy = ClientTlsStrategyBuilder.create().setSslContext(domain.tls());
        if (domain.verifyHost()) {
            tlsStrategy.setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                    .setHostnameVerifier(new DefaultHostnameVerifier());
        } else {
            tlsStrategy.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                    .setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        }
        Timeout connect = Timeout.of(settings.connectTimeout());
        PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(tlsStrategy.buildAsync())
                .setDnsResolver(resources.names())
                .setTlsConfigResolver(HttpVersions.resolver(settings.httpVersion(), connect))
                .setMaxConnTotal(settings.maxTransfers())
                .setMaxConnPerRoute(settings.maxTransfers())
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                        .setTimeToLive(settings.connLifetime() == null ? null
                                : TimeValue.ofSeconds(settings.connLifetime().toSeconds()))
                        .build())
                .build();
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(settings.noConcurrentConnects() ? new ConnectGuard(pool, resources.connecting()) : pool)
                // connect_poll_interval: how often the reactor wakes to notice connects and timeouts due.
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2)
                        .setSelectInterval(TimeValue.ofMilliseconds(settings.connectPollInterval().toMillis())).build())
                .setIoReactorExceptionCallback(reactorFailures)
                // enable_expect_100: the seed waits 1 s for the 100 before it sends the body anyway.
                // Unbounded (HttpCore's default), an upstream could send headers until curl_timeout, into the heap.
                .setHttp1Config(Http1Config.custom().setWaitForContinueTimeout(Timeout.ofSeconds(1))
                        .setMaxLineLength(settings.maxHeaderSize()).setMaxHeaderCount(settings.maxHeaders()).build())
                .setH2Config(H2Config.copy(H2Config.DEFAULT).setMaxHeaderListSize(settings.maxHeaderListSize()).build())
                .setRetryStrategy(StaleConnectionRetry.INSTANCE)
                .addExecInterceptorAfter(ChainElement.CONNECT.name(), ConnectionUp.NAME, ConnectionUp.INSTANCE)
                .addExecInterceptorAfter(ConnectionUp.NAME, BytesOut.NAME, new BytesOut(resources.statistics()))
                .disableCookieManagement();
        if (settings.followRedirects() == FollowRedirects.OFF) {
            builder.disableRedirectHandling();
        } else {
            builder.setRedirectStrategy(new RedirectRule(settings.followRedirects()));
        }
        if (settings.httpVersion() == 1) {
            builder.addRequestInterceptorLast(HttpVersions.ONE_REQUEST_PER_CONNECTION);
        }
        return builder.build();
    }

    /** @return the users of this client: a request enters before it is sent and exits when its transfer ends */
    RetiringUsers users() {
        return users;
    }

    /** Sends a request that {@link RetiringUsers#enter() entered} this client. */
    CompletableFuture<RestResponse> start(SentRequest request) {
        return new Transfer(request, settings, this).begin();
    }

    RestSettings settings() {
        return settings;
    }

    TlsDomainSettings domain() {
        return domain;
    }

    CloseableHttpAsyncClient httpClient() {
        return client;
    }

    ServiceResources resources() {
        return resources;
    }

    /** No new requests; closes once the last one has ended. */
    void retire() {
        users.retire();
    }

    /** Closes the client and waits for its I/O threads to end; never on one of them. */
    void close() {
        synchronized (closing) {
            if (closed) {
                return;
            }
            closed = true;
            reactorFailures.closing();
            client.close(CloseMode.IMMEDIATE);
            try {
                client.awaitShutdown(CLOSE_WAIT);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            resources.open().remove(this);
        }
    }
}
