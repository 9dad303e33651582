package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;


/**
 * curl_http_version 0 to 5, each checked by the protocol the server saw. The values are visited in
 * an order where each one changes what the server sees, so no step passes on the previous setting.
 */
class RestHttpVersionTest extends RestTestBase {
    /**
     * What 1 (HTTP/1.0) gives: HttpClient 5 writes HTTP/1.x request lines as HTTP/1.1 whatever it is
     * asked, so the client sends each request on a connection of its own with Connection: close.
     */
    private static final String ONE_PER_CONNECTION = "HTTP/1.1, one connection per request";

    @Test
    void inTheClearOnlyFiveSpeaksHttp2AndOneUsesAConnectionPerRequest() throws Exception {
        try (TestServer server = new TestServer()) {
            expect(server, Map.of(), 1, ONE_PER_CONNECTION, 0, "HTTP/1.1", 5, "HTTP/2.0", 2, "HTTP/1.1",
                    1, ONE_PER_CONNECTION, 3, "HTTP/1.1", 5, "HTTP/2.0", 4, "HTTP/1.1");
        }
    }

    @Test
    void overTlsAlpnGivesHttp2ToEveryValueButOneAndTwo() throws Exception {
        overTls(true, 1, ONE_PER_CONNECTION, 0, "HTTP/2.0", 2, "HTTP/1.1", 3, "HTTP/2.0", 1, ONE_PER_CONNECTION,
                4, "HTTP/2.0", 2, "HTTP/1.1", 5, "HTTP/2.0");
    }

    @Test
    void overTlsWithoutH2EveryHttp2ValueFallsBackToHttp11() throws Exception {
        overTls(false, 1, ONE_PER_CONNECTION, 3, "HTTP/1.1", 1, ONE_PER_CONNECTION, 4, "HTTP/1.1",
                1, ONE_PER_CONNECTION, 0, "HTTP/1.1");
    }

    /** @param h2 whether the server offers h2 besides http/1.1 */
    private void overTls(boolean h2, Object... steps) throws Exception {
        Path certs = Certificates.folder();
        try (TestServer server = new TestServer(Certificates.selfSigned("loopback", "127.0.0.1", certs),
                Certificates.PASSWORD, h2, null)) {
            expect(server, Map.of("ssl_capath", Certificates.capath(certs, "loopback").toString()), steps);
        }
    }

    /** @param steps pairs of a curl_http_version value and what the server should see with it */
    private void expect(TestServer server, Map<String, String> base, Object... steps) throws Exception {
        for (int i = 0; i < steps.length; i += 2) {
            expect(server, base, (Integer) steps[i], (String) steps[i + 1]);
        }
    }

    /** Two requests; the server says which protocol they came in and how many connections carried them. */
    private void expect(TestServer server, Map<String, String> base, int version, String protocol) throws Exception {
        Map<String, String> config = new HashMap<>(base);
        config.put("curl_http_version", Integer.toString(version));
        RestConfig.apply(config);
        int connections = server.connections.size();
        for (int i = 0; i < 2; i++) {
            assertThat(rest.post(server.url("/echo"), "v" + version, "text/plain").bodyText())
                    .isEqualTo("POST|null|text/plain|v" + version);
        }
        int opened = server.connections.size() - connections;
        String seen = server.lastProtocol();
        if (seen.equals("HTTP/1.1")) {
            seen += opened == 2 ? ", one connection per request" : opened == 1 ? "" : ", " + opened + " connections";
        }
        assertThat(seen).as("curl_http_version=" + version).isEqualTo(protocol);
    }
}
