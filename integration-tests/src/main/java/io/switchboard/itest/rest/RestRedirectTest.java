package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.LogCapture;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/**
 * follow_redirects: off by default, as libcurl and OpenSIPS, so a 3xx is the answer and the caller's
 * headers go nowhere else; same_origin follows within one scheme, host and port; any goes anywhere.
 * The other origin is a second server on another port of 127.0.0.1.
 */
class RestRedirectTest extends RestServerTestBase {
    @InjectService
    LogReaderService logs;

    @Test
    void byDefaultA302IsTheAnswerAndItsTargetNeverSeesTheRequest() throws Exception {
        try (TestServer other = new TestServer()) {
            String away = redirect(other.url("/echo"));
            RestResponse moved = rest.request("GET", away).header("X-Api-Key: secret").send();
            assertMoved(moved, other.url("/echo"));
            RestResponse movedAsync = rest.request("GET", away).header("X-Api-Key: secret").sendAsync()
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertMoved(movedAsync, other.url("/echo"));
            assertThat(rest.get(redirect(server.url("/echo"))).status()).as("not even to the same origin")
                    .isEqualTo(302);
            assertThat(other.requests).hasValue(0);
        }
        assertServed();
    }

    @Test
    void sameOriginFollowsOnlyWithinOneSchemeHostAndPort() throws Exception {
        RestConfig.apply(Map.of("follow_redirects", "same_origin"));
        assertThat(rest.request("GET", redirect(server.url("/echo"))).header("X-Test: kept").send().bodyText())
                .isEqualTo("GET|kept|null|");
        assertThat(rest.getAsync(redirect("/echo")).toCompletableFuture().get(10, TimeUnit.SECONDS).bodyText())
                .as("a relative Location").isEqualTo("GET|null|null|");
        try (TestServer other = new TestServer()) {
            assertMoved(rest.request("GET", redirect(other.url("/echo"))).header("X-Test: secret").send(),
                    other.url("/echo"));
            assertThat(other.requests).hasValue(0);
        }
        assertServed();
    }

    @Test
    void sameOriginNeverFollowsFromHttpsToHttpOnTheSameHost() throws Exception {
        Path certs = Certificates.folder();
        try (TestServer secure = new TestServer(Certificates.selfSigned("loopback", "127.0.0.1", certs),
                Certificates.PASSWORD)) {
            RestConfig.apply(Map.of("follow_redirects", "same_origin",
                    "ssl_capath", Certificates.capath(certs, "loopback").toString()));
            String clear = server.url("/echo");
            assertMoved(rest.get(secure.url("/redirect?to=" + URLEncoder.encode(clear, StandardCharsets.UTF_8))),
                    clear);
            assertThat(server.requests).hasValue(0);
            assertThat(rest.get(secure.url("/redirect?to=/echo")).bodyText()).isEqualTo("GET|null|null|");
        }
        assertServed();
    }

    @Test
    void anyFollowsToAnotherOriginButNeverWithAuthorization() throws Exception {
        RestConfig.apply(Map.of("follow_redirects", "any"));
        try (TestServer other = new TestServer()) {
            assertThat(rest.request("GET", redirect(other.url("/echo"))).header("X-Test: widened").send().bodyText())
                    .isEqualTo("GET|widened|null|");
            assertThat(rest.request("GET", redirect(other.url("/echo"))).header("Authorization: Bearer t").send()
                    .status()).as("HttpClient's own rule").isEqualTo(302);
            assertThat(other.requests).hasValue(1);
        }
        assertServed();
    }

    /** HttpClient's own rule compares host and port only: the scheme counts too, or they go in the clear. */
    @Test
    void anyNeverTakesCredentialsFromHttpsToHttpEvenOnTheSameHostAndPort() throws Exception {
        Path certs = Certificates.folder();
        try (TestServer both = TestServer.withCleartextOnTheSamePort(
                Certificates.selfSigned("loopback", "127.0.0.1", certs), Certificates.PASSWORD)) {
            RestConfig.apply(Map.of("follow_redirects", "any",
                    "ssl_capath", Certificates.capath(certs, "loopback").toString()));
            String clear = both.url("http", "/credentials");
            String away = both.url("/redirect?to=" + URLEncoder.encode(clear, StandardCharsets.UTF_8));
            assertThat(rest.get(away).bodyText()).as("without credentials it is followed").isEqualTo("http|null|null");
            assertMoved(rest.request("GET", away).header("Authorization: Bearer t").send(), clear);
            assertMoved(rest.request("GET", away).header("Cookie: session=s").send(), clear);
            assertThat(both.requests).as("two redirects answered, their target never asked").hasValue(4);
            assertThat(rest.request("GET", both.url("/redirect?to=/credentials")).header("Authorization: Bearer t")
                    .send().bodyText()).as("within TLS they go along").isEqualTo("https|Bearer t|null");
        }
        assertServed();
    }

    @Test
    void fiveRedirectsAreFollowedAndTheSixthIsMinusTen() throws Exception {
        RestConfig.apply(Map.of("follow_redirects", "same_origin"));
        assertThat(rest.get(server.url("/hops?n=5")).bodyText()).isEqualTo("landed");
        RestException tooMany = catchThrowableOfType(() -> rest.get(server.url("/hops?n=6")), RestException.class);
        assertThat(tooMany.code()).as(tooMany.getMessage()).isEqualTo(RestException.INTERNAL);
        assertThat(tooMany.getMessage()).contains("Maximum redirects (5) exceeded");
        assertServed();
    }

    @Test
    void anUnknownValueIsRefusedByNameAndTheLastGoodOneStays() throws Exception {
        RestConfig.apply(Map.of("follow_redirects", "same_origin"));
        try (LogCapture capture = new LogCapture(logs)) {
            RestConfig.apply(Map.of("follow_redirects", "always"));
            capture.await(Duration.ofSeconds(10), RestConfig.PID, "follow_redirects=always",
                    "must be off, same_origin or any");
        }
        assertThat(rest.get(redirect(server.url("/echo"))).bodyText()).isEqualTo("GET|null|null|");
        assertServed();
    }

    private String redirect(String to) {
        return server.url("/redirect?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
    }

    /** Over HTTP/2 (TLS here) header names arrive in lower case: the response finds them in any. */
    private static void assertMoved(RestResponse response, String location) {
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).hasValue(location);
        assertThat(response.headers().get("LOCATION")).containsExactly(location);
        assertThat(response.bodyText()).isEqualTo("moved");
    }
}
