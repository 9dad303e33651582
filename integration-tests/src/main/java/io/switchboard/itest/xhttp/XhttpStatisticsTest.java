package io.switchboard.itest.xhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Counters;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.xhttp.HttpEventHandler;

/**
 * Statistics group {@code xhttp}: each counter moves by exactly the requests that reach it, and no
 * other counter moves. The counting starts once a configuration is proven in force: the requests
 * that prove it are left out.
 */
class XhttpStatisticsTest {
    @InjectBundleContext
    BundleContext context;
    int port;

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
    }

    @AfterEach
    void restore() throws Exception {
        Events.restoreXhttpDefaults(context, port);
    }

    @Test
    void everyEventAndEveryReplyIsCountedByStatusClass() throws Exception {
        Events.register(context, HttpEventHandler.XHTTP, null, Events::statusFromPath);
        Counters xhttp = Counters.watch("xhttp");
        for (int status : new int[] { 200, 200, 201, 202, 302, 404, 500 }) {
            assertThat(Loopback.get(port, "/status/" + status).statusCode()).isEqualTo(status);
        }
        xhttp.awaitMoved("events", 7, "2xx", 4, "3xx", 1, "4xx", 1, "5xx", 1);
    }

    @Test
    void urlSkipAndUrlMatchAreCountedApartAndRaiseNothing() throws Exception {
        Events.register(context, HttpEventHandler.XHTTP, null, Events::statusFromPath);
        Configs.update(Events.XHTTP_PID, Map.of("url_skip", "^/status/4", "url_match", "^/status/"));
        Configs.await("url_skip and url_match in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/other").statusCode() == 404
                        && Loopback.get(port, "/status/400").body().contains("url_skip/url_match"));
        Counters xhttp = Counters.watch("xhttp");
        for (String path : new String[] { "/status/404", "/status/410", "/status/401", "/x", "/y" }) {
            assertThat(Loopback.get(port, path).statusCode()).isEqualTo(404);
        }
        assertThat(Loopback.get(port, "/status/200").statusCode()).isEqualTo(200);
        xhttp.awaitMoved("skipped_url_skip", 3, "skipped_url_match", 2, "4xx", 5, "events", 1, "2xx", 1);
    }

    @Test
    void anEventCallbackNamingNoHandlerIsCountedAs503() throws Exception {
        Events.register(context, HttpEventHandler.XHTTP, null, Events::statusFromPath);
        Configs.update(Events.XHTTP_PID, Map.of("event_callback", "missing"));
        Configs.await("event_callback=missing in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/status/200").statusCode() == 503);
        Counters xhttp = Counters.watch("xhttp");
        assertThat(Loopback.get(port, "/status/200").statusCode()).isEqualTo(503);
        assertThat(Loopback.get(port, "/status/201").statusCode()).isEqualTo(503);
        xhttp.awaitMoved("no_handler", 2, "5xx", 2);
    }

    @Test
    void aHandlerThatNeverRepliesIsCountedAs504() throws Exception {
        Events.register(context, HttpEventHandler.XHTTP, null, Events::statusFromPath);
        // One configuration, applied whole: once its url_skip is seen, its reply_timeout is in force too.
        Configs.update(Events.XHTTP_PID, Map.of("reply_timeout", "300", "url_skip", "^/proof"));
        Configs.await("reply_timeout=300 in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/proof").statusCode() == 404);
        Counters xhttp = Counters.watch("xhttp");
        assertThat(Loopback.get(port, "/silent").statusCode()).isEqualTo(504);
        xhttp.awaitMoved("events", 1, "no_reply", 1, "5xx", 1);
    }
}
