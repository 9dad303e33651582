package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.rest.RestClient;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/** ssl_verifypeer, ssl_capath and ssl_verifyhost against self-signed servers. */
class RestTlsTest {
    @InjectService
    RestClient rest;

    @AfterEach
    void restore() throws Exception {
        RestConfig.reset();
    }

    @Test
    void aSelfSignedServerIsRefusedThenAcceptedWithoutVerificationOrWithItsCaInCapath() throws Exception {
        Path certs = Certificates.folder();
        Path keystore = Certificates.selfSigned("loopback", "127.0.0.1", certs);
        try (TestServer server = new TestServer(keystore, Certificates.PASSWORD)) {
            RestException refused = catchThrowableOfType(() -> rest.get(server.url("/echo")), RestException.class);
            assertThat(refused.code()).isEqualTo(RestException.INTERNAL);

            RestConfig.apply(Map.of("ssl_verifypeer", "0"));
            assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);

            RestConfig.apply(Map.of("ssl_capath", Certificates.capath(certs, "loopback").toString()));
            assertThat(rest.get(server.url("/echo")).bodyText()).startsWith("GET|");
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedUnlessSslVerifyhostIsZero() throws Exception {
        Path certs = Certificates.folder();
        Path keystore = Certificates.selfSigned("elsewhere", null, certs);
        String capath = Certificates.capath(certs, "elsewhere").toString();
        try (TestServer server = new TestServer(keystore, Certificates.PASSWORD)) {
            RestConfig.apply(Map.of("ssl_capath", capath));
            assertWrongHost(() -> rest.get(server.url("/echo")));

            // As with libcurl, the name is checked whether or not the chain is.
            RestConfig.apply(Map.of("ssl_verifypeer", "0"));
            assertWrongHost(() -> rest.get(server.url("/echo")));

            RestConfig.apply(Map.of("ssl_capath", capath, "ssl_verifyhost", "0"));
            assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
        }
    }

    /**
     * Requests keep running while ssl_verifyhost flips: each one sees one whole configuration, never
     * a mix or a client closed under it, and one started before a change finishes on its own client.
     */
    @Test
    void sslVerifyhostFlippingUnderLoadGivesEachRequestOneWholeConfiguration() throws Exception {
        Path certs = Certificates.folder();
        Path keystore = Certificates.selfSigned("elsewhere", null, certs);
        String capath = Certificates.capath(certs, "elsewhere").toString();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (TestServer server = new TestServer(keystore, Certificates.PASSWORD)) {
            RestConfig.apply(Map.of("ssl_capath", capath, "ssl_verifyhost", "0"));
            CompletableFuture<RestResponse> slow = rest.getAsync(server.url("/slow?ms=1500")).toCompletableFuture();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            Future<?>[] loops = new Future<?>[4];
            for (int i = 0; i < loops.length; i++) {
                loops[i] = callers.submit(() -> {
                    while (running.get()) {
                        try {
                            assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
                            accepted.incrementAndGet();
                        } catch (RestException wrongHost) {
                            assertThat(wrongHost.code()).as(wrongHost.getMessage()).isEqualTo(RestException.INTERNAL);
                            assertThat(wrongHost.getMessage()).as(wrongHost.getMessage()).contains("127.0.0.1");
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            for (int i = 0; i < 6; i++) {
                RestConfig.apply(Map.of("ssl_capath", capath, "ssl_verifyhost", i % 2 == 0 ? "1" : "0"));
                Thread.sleep(150);
            }
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }
            assertThat(slow.get(10, TimeUnit.SECONDS).bodyText()).isEqualTo("slow");
            assertThat(accepted).hasPositiveValue();
            assertThat(refused).hasPositiveValue();
        } finally {
            callers.shutdownNow();
        }
    }

    private void assertWrongHost(ThrowingCallable call) {
        RestException wrongHost = catchThrowableOfType(call, RestException.class);
        assertThat(wrongHost.code()).isEqualTo(RestException.INTERNAL);
        assertThat(wrongHost.getMessage()).contains("127.0.0.1");
    }
}
