package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.switchboard.itest.Configs;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/** ssl_verifypeer, ssl_capath and ssl_verifyhost against self-signed servers. */
class RestTlsTest extends RestTestBase {
    /** The folder with the CA of {@link #serverForAnotherHost()}. */
    String capath;

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
        try (TestServer server = serverForAnotherHost()) {
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
        try (TestServer server = serverForAnotherHost()) {
            RestConfig.apply(Map.of("ssl_capath", capath, "ssl_verifyhost", "0"));
            CompletableFuture<RestResponse> started = rest.getAsync(server.url("/held")).toCompletableFuture();
            Configs.await("the held request at the server", Duration.ofSeconds(10), () -> server.held.get() == 1);
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            ConcurrentCalls calls = new ConcurrentCalls(4, () -> {
                try {
                    assertThat(rest.get(server.url("/echo")).status()).isEqualTo(200);
                    accepted.incrementAndGet();
                } catch (RestException wrongHost) {
                    assertThat(wrongHost.code()).as(wrongHost.getMessage()).isEqualTo(RestException.INTERNAL);
                    assertThat(wrongHost.getMessage()).as(wrongHost.getMessage()).contains("127.0.0.1");
                    refused.incrementAndGet();
                }
            });
            try {
                for (int i = 0; i < 6; i++) {
                    boolean verify = i % 2 == 0;
                    AtomicInteger seen = verify ? refused : accepted;
                    int before = seen.get();
                    RestConfig.apply(Map.of("ssl_capath", capath, "ssl_verifyhost", verify ? "1" : "0"));
                    Configs.await("a request under ssl_verifyhost=" + (verify ? 1 : 0), Duration.ofSeconds(10),
                            () -> seen.get() > before);
                }
            } finally {
                calls.stop();
            }
            assertThat(started).isNotDone();
            server.releaseHeld();
            assertThat(started.get(10, TimeUnit.SECONDS).bodyText()).isEqualTo("held");
            assertThat(accepted).hasPositiveValue();
            assertThat(refused).hasPositiveValue();
        }
    }

    /** A server whose certificate names {@code elsewhere}, not 127.0.0.1; its CA goes to {@link #capath}. */
    private TestServer serverForAnotherHost() throws Exception {
        Path certs = Certificates.folder();
        Path keystore = Certificates.selfSigned("elsewhere", null, certs);
        capath = Certificates.capath(certs, "elsewhere").toString();
        return new TestServer(keystore, Certificates.PASSWORD);
    }

    private void assertWrongHost(ThrowingCallable call) {
        RestException wrongHost = catchThrowableOfType(call, RestException.class);
        assertThat(wrongHost.code()).isEqualTo(RestException.INTERNAL);
        assertThat(wrongHost.getMessage()).contains("127.0.0.1");
    }
}
