package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

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
        assertThat(engine.getUseClientMode()).isFalse();
        deferred.createSSLEngine();
        assertThat(deferred.getSocketFactory()).isNotNull();
        assertThat(deferred.getDefaultSSLParameters().getProtocols()).isNotEmpty();
        assertThat(made).hasValue(1);
    }

    @Test
    void aRecipeThatFailsFailsTheConnectionThatNeededItAndNamesWhy() {
        SSLContext deferred = new DeferredSslContext(() -> {
            throw new java.security.KeyStoreException("no trust store");
        });
        assertThatThrownBy(() -> deferred.createSSLEngine("example.org", 443))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no trust store");
    }

    @Test
    void onlyTheJdksOwnTrustIsDeferred() throws Exception {
        assertThat(Trust.context(true, null, null)).isInstanceOf(DeferredSslContext.class);
        assertThat(Trust.context(false, null, null)).isNotInstanceOf(DeferredSslContext.class);
        assertThatThrownBy(() -> Trust.context(true, java.nio.file.Path.of("/nonexistent/ca.pem"), null))
                .as("a file of the user's is read with its configuration").isInstanceOf(java.io.IOException.class);
    }
}
