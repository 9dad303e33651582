package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;

import org.junit.jupiter.api.Test;

class DeferredSslContextTest {
    private final AtomicInteger made = new AtomicInteger();

    private SSLContext recipe() throws Exception {
        made.incrementAndGet();
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        return context;
    }

    @Test
    void theContextIsMadeOnceWhenAConnectionFirstNeedsIt() {
        SSLContext deferred = new DeferredSslContext(this::recipe);
        assertThat(made).hasValue(0);
        SSLEngine engine = deferred.createSSLEngine("example.org", 443);
        assertThat(engine.getPeerHost()).isEqualTo("example.org");
        assertThat(engine.getPeerPort()).isEqualTo(443);
        deferred.createSSLEngine();
        assertThat(deferred.getSocketFactory()).isNotNull();
        assertThat(deferred.getDefaultSSLParameters().getProtocols()).isNotEmpty();
        assertThat(made).hasValue(1);
    }

    @Test
    void connectionsThatNeedItAtOnceGetOneContext() throws Exception {
        SSLContext deferred = new DeferredSslContext(this::recipe);
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SSLSessionContext>> sessions = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                sessions.add(pool.submit(() -> {
                    go.await();
                    deferred.createSSLEngine("example.org", 443);
                    return deferred.getClientSessionContext();
                }));
            }
            go.countDown();
            SSLSessionContext first = sessions.get(0).get(30, TimeUnit.SECONDS);
            for (Future<SSLSessionContext> session : sessions) {
                assertThat(session.get(30, TimeUnit.SECONDS)).as("the same context's").isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(made).hasValue(1);
    }

    @Test
    void aRecipeThatFailsFailsEveryConnectionThatNeedsItAndNamesWhyWithoutRetrying() {
        AtomicInteger tried = new AtomicInteger();
        SSLContext deferred = new DeferredSslContext(() -> {
            tried.incrementAndGet();
            throw new java.security.KeyStoreException("no trust store");
        });
        assertThatThrownBy(() -> deferred.createSSLEngine("example.org", 443))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no trust store");
        assertThatThrownBy(deferred::createSSLEngine).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no trust store");
        assertThat(tried).hasValue(1);
    }

    @Test
    void onlyTheJdksOwnTrustIsDeferred() throws Exception {
        assertThat(Trust.context(true, null, null)).isInstanceOf(DeferredSslContext.class)
                .as("one for every configuration").isSameAs(Trust.context(true, null, null));
        assertThat(Trust.context(false, null, null)).isNotInstanceOf(DeferredSslContext.class);
        assertThatThrownBy(() -> Trust.context(true, java.nio.file.Path.of("/nonexistent/ca.pem"), null))
                .as("a file of the user's is read with its configuration").isInstanceOf(java.io.IOException.class);
    }
}
