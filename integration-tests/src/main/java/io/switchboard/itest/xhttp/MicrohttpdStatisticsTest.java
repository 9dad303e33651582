package io.switchboard.itest.xhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Counters;
import io.switchboard.itest.Loopback;
import io.switchboard.xhttp.HttpEventHandler;

/**
 * Statistics group {@code microhttpd}: each counter moves by exactly the requests, or connections,
 * that reach it, and no other counter moves. The counting starts once a configuration is proven in
 * force: the requests that prove it are left out.
 */
class MicrohttpdStatisticsTest {
    private static final String PID = "switchboard.microhttpd";

    @InjectBundleContext
    BundleContext context;
    int port;

    @BeforeEach
    void listen() throws Exception {
        port = Loopback.freePort();
        Events.register(context, HttpEventHandler.MICROHTTPD, "status", Events::statusFromPath);
        configure(Map.of(), () -> Loopback.get(port, "/proof").statusCode() == 200);
    }

    @AfterEach
    void restore() throws Exception {
        Configs.update(PID, Map.of("listen_addr", "127.0.0.1", "listen_port", Integer.toString(Loopback.freePort())));
    }

    /**
     * Listens on 127.0.0.1 and the test's port with these settings besides, and waits until
     * {@code proof} holds. A configuration is applied whole: what one of its settings shows proves them all.
     */
    private void configure(Map<String, String> settings, Callable<Boolean> proof) throws Exception {
        Map<String, String> properties = new HashMap<>(settings);
        properties.put("listen_addr", "127.0.0.1");
        properties.put("listen_port", Integer.toString(port));
        Configs.update(PID, properties);
        Configs.await("microhttpd on port " + port + " with " + settings, Duration.ofSeconds(10), proof);
    }

    @Test
    void everyEventAndEveryReplyIsCountedByStatusClass() throws Exception {
        Counters microhttpd = Counters.watch("microhttpd");
        for (int status : new int[] { 200, 201, 302, 404, 404, 503 }) {
            assertThat(Loopback.get(port, "/status/" + status).statusCode()).isEqualTo(status);
        }
        // microhttpd's own reply: a CONNECT never reaches a handler.
        assertThat(Loopback.status(Loopback.raw(port, "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org\r\n\r\n")))
                .isEqualTo(405);
        microhttpd.awaitMoved("events", 6, "2xx", 2, "3xx", 1, "4xx", 3, "5xx", 1);
    }

    @Test
    void anEventCallbackNamingNoHandlerIsCountedAs503() throws Exception {
        configure(Map.of("event_callback", "missing"), () -> Loopback.get(port, "/proof").statusCode() == 503);
        Counters microhttpd = Counters.watch("microhttpd");
        for (int i = 0; i < 3; i++) {
            assertThat(Loopback.get(port, "/status/200").statusCode()).isEqualTo(503);
        }
        microhttpd.awaitMoved("no_handler", 3, "5xx", 3);
    }

    @Test
    void aHandlerThatNeverRepliesIsCountedAs504() throws Exception {
        Events.register(context, HttpEventHandler.MICROHTTPD, "timed", event -> {
            if (!event.url().equals("/silent")) {
                event.reply(200, "OK", "text/plain", "timed");
            }
        });
        configure(Map.of("reply_timeout", "300", "event_callback", "timed"),
                () -> Loopback.get(port, "/proof").body().equals("timed"));
        Counters microhttpd = Counters.watch("microhttpd");
        assertThat(Loopback.get(port, "/silent").statusCode()).isEqualTo(504);
        microhttpd.awaitMoved("events", 1, "no_reply", 1, "5xx", 1);
    }

    /** 127.0.0.2 is a second client address on the loopback interface: allowed_ips leaves it out. */
    @Test
    void aConnectionAllowedIpsLeavesOutIsCountedAndRaisesNothing() throws Exception {
        configure(Map.of("allowed_ips", "127.0.0.1/32"), () -> getFrom("127.0.0.2").isEmpty());
        Counters microhttpd = Counters.watch("microhttpd");
        assertThat(getFrom("127.0.0.2")).as("closed unanswered").isEmpty();
        microhttpd.awaitMoved("refused_allowed_ips", 1);
        assertThat(getFrom("127.0.0.1")).startsWith("HTTP/1.1 200");
        microhttpd.awaitMoved("refused_allowed_ips", 1, "events", 1, "2xx", 1);
    }

    /** @return what microhttpd answered a GET from {@code localAddress}: nothing when it closed the connection */
    private String getFrom(String localAddress) throws IOException {
        try {
            return Loopback.rawFrom(localAddress, port,
                    "GET /status/200 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", Duration.ofSeconds(5));
        } catch (IOException closedByServer) {
            return "";
        }
    }
}
