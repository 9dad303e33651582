package io.switchboard.itest.xhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Examples;
import io.switchboard.itest.Bundles;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;
import io.switchboard.xhttp.HttpEventHandler;

/** microhttpd: a listener of its own, raising microhttpd:request events. */
class MicrohttpdTest {
    private static final String PID = "switchboard.microhttpd";

    @InjectBundleContext
    BundleContext context;
    @InjectService
    LogReaderService logs;
    int port;

    @BeforeEach
    void listen() throws Exception {
        port = Loopback.freePort();
        Events.register(context, HttpEventHandler.MICROHTTPD, "probe", Events.echo("micro"));
        configure(Map.of("listen_addr", "127.0.0.1", "listen_port", Integer.toString(port)));
    }

    @AfterEach
    void restore() throws Exception {
        Configs.update(PID, Map.of("listen_addr", "127.0.0.1", "listen_port", Integer.toString(Loopback.freePort())));
    }

    private void configure(Map<String, String> properties) throws Exception {
        Configs.update(PID, properties);
        int expected = Integer.parseInt(properties.get("listen_port"));
        Configs.await("microhttpd on port " + expected, Duration.ofSeconds(10),
                () -> Loopback.get(expected, "/probe").statusCode() == 200);
    }

    @Test
    void aRequestIsRaisedOnTheMicrohttpdRoute() throws Exception {
        HttpResponse<String> response = Loopback.get(port, "/any/path?q=1");
        assertThat(response.body()).isEqualTo("micro|microhttpd:request|GET|/any/path?q=1|HTTP/1.1");
    }

    /** A body left unread would be read as the next request on a kept-alive connection: it ends. */
    @Test
    void a503WithTheBodyUnreadClosesTheConnection() throws Exception {
        Configs.update(PID, Map.of("listen_addr", "127.0.0.1", "listen_port", Integer.toString(port), "event_callback",
                "missing"));
        Configs.await("event_callback=missing in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/x").statusCode() == 503);
        // The body is announced and only begun: the answer comes without waiting for the rest.
        String unhandled = Loopback.raw(port, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nbody");
        assertThat(Loopback.status(unhandled)).isEqualTo(503);
        assertThat(unhandled.toLowerCase()).contains("\r\nconnection: close\r\n");
        String bodiless = Loopback.raw(port, "GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(bodiless.toLowerCase()).as("nothing is left unread").doesNotContain("connection: close");
    }

    @Test
    void aHandlerThatPromisesNotToBlockGetsBodiesToo() throws Exception {
        Hashtable<String, Object> properties = new Hashtable<>(Map.of(HttpEventHandler.ROUTE, HttpEventHandler.MICROHTTPD,
                HttpEventHandler.CALLBACK, "fast", HttpEventHandler.NON_BLOCKING, Boolean.TRUE));
        context.registerService(HttpEventHandler.class, (HttpEventHandler) event -> event.reply(200, "OK",
                "text/plain", "fast|" + event.method() + "|" + event.bodyText()), properties);
        configure(Map.of("listen_addr", "127.0.0.1", "listen_port", Integer.toString(port), "event_callback", "fast"));
        Configs.await("event_callback=fast in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/f").body().equals("fast|GET|"));
        String raw = Loopback.raw(port, "POST /f HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody");
        assertThat(raw).startsWith("HTTP/1.1 200").endsWith("fast|POST|body");
    }

    @Test
    void allowedIpsClosesConnectionsFromOtherAddresses() throws Exception {
        Configs.update(PID, Map.of("listen_addr", "127.0.0.1", "listen_port", Integer.toString(port), "allowed_ips",
                "127.0.0.1/32"));
        Configs.await("127.0.0.2 refused", Duration.ofSeconds(10), () -> rawFrom("127.0.0.2").isEmpty());
        assertThat(rawFrom("127.0.0.1")).startsWith("HTTP/1.1 200");
        Configs.update(PID, Map.of("listen_addr", "127.0.0.1", "listen_port", Integer.toString(port), "allowed_ips",
                "127.0.0.0/8"));
        Configs.await("127.0.0.2 allowed", Duration.ofSeconds(10), () -> rawFrom("127.0.0.2").startsWith("HTTP/1.1 200"));
    }

    @Test
    void aRefusedPortLeavesTheListenerServing() throws Exception {
        try (LogCapture capture = new LogCapture(logs)) {
            Configs.update(PID, Map.of("listen_addr", "127.0.0.1", "listen_port", "80"));
            capture.await(Duration.ofSeconds(10), PID, "listen_port=80", "the previous configuration stays in force");
            Configs.update(PID, Map.of("listen_addr", "127.0.0.1", "listen_port", Integer.toString(port), "allowed_ips",
                    "not-an-address"));
            capture.await(Duration.ofSeconds(10), PID, "allowed_ips=not-an-address",
                    "the previous configuration stays in force");
        }
        assertThat(Loopback.get(port, "/still").statusCode()).isEqualTo(200);
    }

    @Test
    void microhttpdServesWhileHttpdIsStopped() throws Exception {
        Bundle httpd = Bundles.named(context, "switchboard.httpd");
        httpd.stop();
        try {
            assertThat(Loopback.get(port, "/alone").statusCode()).isEqualTo(200);
        } finally {
            httpd.start();
            Httpd.await("(httpd.endpoint.port=" + Httpd.port() + ")", Duration.ofSeconds(30));
        }
    }

    @Test
    void aHandlerBundleComesAndGoesWhileRequestsRun() throws Exception {
        Configs.update(PID, Map.of("listen_addr", "127.0.0.1", "listen_port", Integer.toString(port), "event_callback",
                "hello"));
        Configs.await("event_callback=hello in force", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/x").statusCode() == 503);
        ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            while (running.get()) {
                try {
                    int status = Loopback.get(port, "/load").statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                } catch (Exception failed) {
                    statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                }
            }
        });
        load.start();
        try {
            for (int round = 0; round < 3; round++) {
                Bundle example;
                try (InputStream in = Files.newInputStream(Examples.xhttpJar())) {
                    example = context.installBundle("xhttp-example-" + round, in);
                }
                example.start();
                Configs.await("the example answers", Duration.ofSeconds(10),
                        () -> Loopback.get(port, "/hello").body().equals("hello"));
                example.uninstall();
                Configs.await("the example is gone", Duration.ofSeconds(10),
                        () -> Loopback.get(port, "/hello").statusCode() == 503);
            }
        } finally {
            running.set(false);
            load.join(10_000);
        }
        // Every request got an answer: the handler's or the 503 of a missing one; never an error.
        assertThat(statuses.keySet()).containsOnly(200, 503);
        assertThat(statuses.get(200).get()).isPositive();
    }

    private String rawFrom(String localAddress) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write("GET /ip HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (java.io.IOException closedByServer) {
                return "";
            }
        }
    }

}
