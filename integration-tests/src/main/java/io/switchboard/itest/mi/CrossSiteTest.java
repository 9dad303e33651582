package io.switchboard.itest.mi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.Mi;

/**
 * Another web site cannot use a browser's session with the MI: no JSON-RPC without a JSON content
 * type, no foreign Origin, no rebound Host while loopback clients are trusted.
 */
class CrossSiteTest {
    private static final String ECHO = "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[\"x\"],\"id\":1}";

    @InjectBundleContext
    BundleContext context;

    @BeforeEach
    void serve() throws Exception {
        Httpd.port();
        Mi.reset();
        TestCommands.echo(context);
    }

    @Test
    void jsonRpcNeedsAJsonContentType() throws Exception {
        String form = Loopback.raw(Httpd.port(), "POST /mi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                + "Connection: close\r\nContent-Length: " + ECHO.length() + "\r\n\r\n" + ECHO);
        assertThat(Loopback.status(form)).isEqualTo(415);
        assertThat(form).doesNotContain("\"result\"");
        String json = Loopback.raw(Httpd.port(), "POST /mi HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: Application/JSON; charset=utf-8\r\nConnection: close\r\nContent-Length: "
                + ECHO.length() + "\r\n\r\n" + ECHO);
        assertThat(json).contains("\"result\"");
    }

    @Test
    void aForeignOriginIsRefusedAndTheSameOriginServed() throws Exception {
        String foreign = Loopback.raw(Httpd.port(), post("127.0.0.1:" + Httpd.port(), "http://evil.example"));
        assertThat(Loopback.status(foreign)).isEqualTo(403);
        assertThat(foreign).contains("evil.example").doesNotContain("\"result\"");
        String same = Loopback.raw(Httpd.port(),
                post("127.0.0.1:" + Httpd.port(), "http://127.0.0.1:" + Httpd.port()));
        assertThat(same).contains("\"result\"");
    }

    @Test
    void aReboundHostNameGetsNothingWhileLoopbackIsTrusted() throws Exception {
        String rebound = Loopback.raw(Httpd.port(), post("attacker.example:" + Httpd.port(), null));
        assertThat(Loopback.status(rebound)).isEqualTo(403);
        assertThat(rebound).doesNotContain("\"result\"");
        String page = Loopback.raw(Httpd.port(), "GET /mi/ HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
        assertThat(Loopback.status(page)).isEqualTo(403);
        HttpResponse<String> index = Loopback.get(Httpd.port(), "/mi/");
        assertThat(index.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
    }

    private static String post(String host, String origin) {
        return "POST /mi HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "Connection: close\r\nContent-Length: "
                + ECHO.length() + "\r\n\r\n" + ECHO;
    }
}
