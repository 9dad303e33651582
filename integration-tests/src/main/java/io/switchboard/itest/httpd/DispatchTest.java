package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.httpd.RootHandler;
import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;

/** Which handler a request reaches: the rules of dispatch over real HTTP. */
class DispatchTest {
    @InjectBundleContext
    BundleContext context;
    int port;

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
        Handlers.register(context, "ops", Handlers.echo("ops"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "/ops       ; ops|ops||",
            "/ops/      ; ops|ops|/|",
            "/ops/x?y   ; ops|ops|/x|y",
            "/ops/a/../b?q=1 ; ops|ops|/b|q=1" })
    void theFirstSegmentChoosesTheRoot(String path, String expected) throws Exception {
        HttpResponse<String> response = Loopback.get(port, path.trim());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(expected.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/opsx", "/", "/nosuchroot/x" })
    void aPathNoRootOwnsIsNotFound(String path) throws Exception {
        HttpResponse<String> response = Loopback.get(port, path);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no handler for root");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/ops/%2e%2e/hello", "/ops/%2E%2E", "/ops%2Fhello", "/ops/a%2fb", "/ops/..%2fhello",
            "/ops/../hello" })
    void aPathThatEscapesItsRootIsRejected(String path) throws Exception {
        String response = Loopback.raw(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(Loopback.status(response)).as(path).isEqualTo(400);
    }

    @Test
    void aQueryJettyCannotDecodeIsTheClientsFault() throws Exception {
        Handlers.register(context, "args", (request, response) -> response.send(200, "text/plain",
                "args " + request.args()));
        String response = Loopback.raw(port, "GET /args?a=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(Loopback.status(response)).isEqualTo(400);
        assertThat(Loopback.get(port, "/args?a=1").body()).isEqualTo("args {a=[1]}");
    }

    @Test
    void optionsStarIsTheServersNotARoots() throws Exception {
        String response = Loopback.raw(port, "OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(Loopback.status(response)).isEqualTo(200);
        assertThat(response).contains("Allow:");
    }

    @Test
    void theFallbackHandlerGetsWhatNoRootClaims() throws Exception {
        Handlers.register(context, RootHandler.FALLBACK, Handlers.echo("fallback"));
        assertThat(Loopback.get(port, "/nosuchroot/x?z").body()).isEqualTo("fallback|*|/nosuchroot/x|z");
        assertThat(Loopback.get(port, "/").body()).isEqualTo("fallback|*|/|");
        assertThat(Loopback.get(port, "/ops/x").body()).isEqualTo("ops|ops|/x|");
    }

    @Test
    void theHandlerSeesMethodHeadersArgsBodyAndPeer() throws Exception {
        Handlers.register(context, "inspect", (request, response) -> response.send(200, "text/plain",
                String.join("|", request.method(), request.header("X-Test").orElse("-"),
                        request.arg("a").orElse("-"), new String(request.bodyBytes()),
                        request.remote().getHostString(), request.protocol(), request.url())));
        String raw = Loopback.raw(port, "PUT /inspect/p?a=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Test: yes\r\n"
                + "Content-Length: 4\r\n\r\nbody");
        assertThat(raw).endsWith("PUT|yes|1|body|127.0.0.1|HTTP/1.1|/inspect/p?a=1");
    }
}
