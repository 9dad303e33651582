package io.switchboard.itest.xhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.xhttp.HttpEventHandler;

/**
 * xhttp's limits on httpd's port: what no root claims is raised only once its body has arrived, read
 * by httpd with no thread held, and an ordinary request is still served promptly.
 */
class XhttpLimitsTest {
    private static final String PID = "switchboard.xhttp";

    @InjectBundleContext
    BundleContext context;
    int port;
    final List<String> raised = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
        Events.register(context, HttpEventHandler.XHTTP, "limits", event -> {
            raised.add(event.method() + " " + event.url());
            event.reply(200, "OK", "text/plain", "xhttp|" + event.method() + "|" + event.bodyText());
        });
    }

    @AfterEach
    void restore() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
        Configs.update(PID, Map.of());
        Configs.await("xhttp defaults in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/no-root/restored").body().startsWith("xhttp|"));
    }

    @Test
    void slowBodiesHoldNoServerThreadAndGet408() throws Exception {
        // 10 s: the 40 connects and the ordinary request below come well before it, even on a loaded machine.
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "body_timeout", "10000",
                "max_threads", "16"));
        try (Tricklers tricklers = Tricklers.start(port, 40, "/no-root/slow")) {
            // 40 bodies arriving a byte at a time, more than httpd's 16 threads, and yet:
            String ordinary = Loopback.raw(port, "POST /no-root/ordinary HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok");
            assertThat(ordinary).startsWith("HTTP/1.1 200").endsWith("xhttp|POST|ok");
            assertThat(Loopback.get(port, "/no-root/get").body()).isEqualTo("xhttp|GET|");
            // ... it was answered while every trickler was still open and unanswered.
            assertThat(tricklers.unanswered()).isEqualTo(40);

            List<String> answers = tricklers.answers(Duration.ofSeconds(30));
            assertThat(answers).hasSize(40).allMatch(line -> line.startsWith("HTTP/1.1 408"), "408");
            assertThat(tricklers.allClosedByServer(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(raised).containsExactly("POST /no-root/ordinary", "GET /no-root/get");
        assertThat(Loopback.get(port, "/no-root/after").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutAHandlerTheBodyIsNotAwaited() throws Exception {
        Configs.update(PID, Map.of("event_callback", "nobody-has-this-name"));
        Configs.await("event_callback=nobody-has-this-name in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/no-root/probe").statusCode() == 503);
        String answer = Loopback.raw(port,
                "POST /no-root/x HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nfirst bytes");
        assertThat(answer).startsWith("HTTP/1.1 503").contains("no handler named nobody-has-this-name");
    }

    @Test
    void aUrlLeftOutByUrlMatchIsAnsweredWithoutReadingItsBody() throws Exception {
        Configs.update(PID, Map.of("url_match", "^/sip/"));
        Configs.await("url_match=^/sip/ in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/no-root/probe").statusCode() == 404);
        String answer = Loopback.raw(port,
                "POST /no-root/x HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nfirst bytes");
        assertThat(answer).startsWith("HTTP/1.1 404");
    }

    @Test
    void connectGets405AndNeverReachesAHandler() throws Exception {
        raised.clear();
        String answer = Loopback.raw(port, "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 405");
        assertThat(Loopback.get(port, "/no-root/after").statusCode()).isEqualTo(200);
        assertThat(raised).containsExactly("GET /no-root/after");
    }
}
