package io.switchboard.itest.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.itest.Bundles;
import io.switchboard.itest.Configs;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.Mi;
import io.switchboard.itest.SwapLoad;
import io.switchboard.itest.SwapLoad.Target;
import io.switchboard.rest.RestClient;

/**
 * GET /health and the MI's health: 200 while httpd serves and every Switchboard bundle and component
 * runs, 503 with the reason when one does not, under a drain hold, or when a user's check (tagged
 * switchboard) says so.
 */
class HealthTest {
    @InjectBundleContext
    BundleContext context;
    int port;

    @BeforeEach
    void healthy() throws Exception {
        port = Httpd.port();
        HealthCalls.awaitStatus(port, 200);
    }

    @AfterEach
    void released() throws Exception {
        Mi.call(HealthCalls.rpc("health_release", "{}"));
        Configs.update(HealthCalls.PID, Map.of());
    }

    @Test
    void healthIs200AndListsEachCheckAsFelixsServletDoes() throws Exception {
        HttpResponse<String> response = Loopback.get(port, "/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode health = Mi.JSON.readTree(response.body());
        assertThat(health.path("overallResult").asText()).isEqualTo("OK");
        assertThat(HealthCalls.names(health)).containsExactlyInAnyOrder("components", "configured", "hold", "httpd",
                "mi_http");
        for (JsonNode check : health.path("results")) {
            assertThat(check.path("status").asText()).isEqualTo("OK");
            assertThat(check.path("tags").toString()).isEqualTo("[\"switchboard\"]");
            assertThat(check.has("timeInMs") && check.has("finishedAt")).isTrue();
            assertThat(check.path("messages").get(0).path("message").asText()).isNotEmpty();
        }
        assertThat(HealthCalls.message(health, "httpd")).isEqualTo("httpd serves at http://127.0.0.1:" + port + "/");

        HttpResponse<String> head = Loopback.CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/health")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(Loopback.CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(405);
        assertThat(Loopback.get(port, "/health/more").statusCode()).isEqualTo(404);
    }

    @Test
    void theMiCommandAnswersWhatHealthAnswers() throws Exception {
        JsonNode health = Mi.call(HealthCalls.rpc("health", "{}")).path("result");
        assertThat(health.path("overallResult").asText()).isEqualTo("OK");
        assertThat(HealthCalls.names(health)).containsExactlyInAnyOrder("components", "configured", "hold", "httpd",
                "mi_http");
        assertThat(Mi.call(HealthCalls.rpc("health:check", "[]")).path("result").path("overallResult").asText())
                .isEqualTo("OK");
    }

    @Test
    void stoppingHttpdIs503AndTheCheckSaysWhyThenHttpdIsBack() throws Exception {
        // A request that finds httpd away waits swap_hold for it before the 503.
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port), "swap_hold", "300"));
        Bundle httpd = Bundles.named(context, "switchboard.httpd");
        httpd.stop();
        try {
            assertThat(Loopback.get(port, "/health").statusCode()).isEqualTo(503);
            Map<String, Object> health = HealthCalls.command(context);
            assertThat(health.get("overallResult")).isEqualTo("CRITICAL");
            assertThat(HealthCalls.message(health, "httpd")).isEqualTo("httpd serves nothing: bundle switchboard.httpd ("
                    + httpd.getBundleId() + ") is stopped (RESOLVED)");
            assertThat(HealthCalls.status(health, "components")).isEqualTo("CRITICAL");
        } finally {
            httpd.start();
            Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
        }
        HealthCalls.awaitStatus(port, 200);
    }

    @Test
    void aRefusedFirstConfigurationOfHttpdIsTheReason() throws Exception {
        Bundle httpd = Bundles.named(context, "switchboard.httpd");
        httpd.stop();
        try {
            Httpd.update(Map.of("ip", "127.0.0.1", "port", "80"));
            httpd.start();
            Configs.await("httpd to take its refused configuration", Duration.ofSeconds(10), () -> HealthCalls
                    .message(HealthCalls.command(context), "httpd").contains("was refused"));
            Map<String, Object> health = HealthCalls.command(context);
            assertThat(HealthCalls.message(health, "httpd")).isEqualTo("httpd serves nothing: its configuration (PID "
                    + "switchboard.httpd) was refused: it serves nothing until a valid one arrives (the log names the "
                    + "key and the rule)");
            // httpd's component runs, without a runtime: what needs that one is unsatisfied, and named.
            assertThat(HealthCalls.status(health, "components")).isEqualTo("CRITICAL");
            assertThat(Mi.JSON.valueToTree(health).toString()).contains("component "
                    + "io.switchboard.httpd.internal.RootPathMiCommand of switchboard.httpd (" + httpd.getBundleId()
                    + ") is unsatisfied: no service for its reference").contains("io.switchboard.httpd.HttpdRuntime");
        } finally {
            if (httpd.getState() != Bundle.ACTIVE) {
                httpd.start();
            }
            Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(port)));
        }
        HealthCalls.awaitStatus(port, 200);
    }

    /** microhttpd, xhttp and the REST client say whether they are configured in their statistics group. */
    @Test
    void aModuleWithoutAValidConfigurationIs503AndNamed() throws Exception {
        Bundle xhttp = Bundles.named(context, "switchboard.xhttp");
        xhttp.stop();
        try {
            Configs.update("switchboard.microhttpd", Map.of("listen_addr", "127.0.0.1", "listen_port", "80"));
            xhttp.start();
            HealthCalls.awaitStatus(port, 503);
            Map<String, Object> health = HealthCalls.command(context);
            assertThat(HealthCalls.status(health, "configured")).isEqualTo("CRITICAL");
            assertThat(HealthCalls.message(health, "configured")).isEqualTo("microhttpd serves nothing: no valid "
                    + "configuration is in force (statistic microhttpd:configured is 0; the log names the setting that "
                    + "was refused)");
            assertThat(HealthCalls.status(health, "components")).isEqualTo("OK");
        } finally {
            if (xhttp.getState() != Bundle.ACTIVE) {
                xhttp.start();
            }
            Configs.update("switchboard.microhttpd", Map.of("listen_addr", "127.0.0.1",
                    "listen_port", Integer.toString(Loopback.freePort())));
        }
        HealthCalls.awaitStatus(port, 200);
        // DS runs the REST client, and so its gauge, only while a bundle uses it: as a user's bundle would.
        ServiceReference<RestClient> restClient = context.getServiceReference(RestClient.class);
        assertThat(context.getService(restClient)).isNotNull();
        try {
            String[] message = new String[1];
            Configs.await("the configured check naming the REST client", Duration.ofSeconds(30), () -> {
                message[0] = HealthCalls.message(HealthCalls.command(context), "configured");
                return message[0].contains("rest");
            });
            assertThat(message[0]).contains("microhttpd").contains("xhttp");
        } finally {
            context.ungetService(restClient);
        }
    }

    @Test
    void aStoppedSwitchboardBundleIs503UntilItRunsAgain() throws Exception {
        Bundle rest = Bundles.named(context, "switchboard.restclient");
        rest.stop();
        try {
            JsonNode health = HealthCalls.awaitStatus(port, 503);
            assertThat(health.path("overallResult").asText()).isEqualTo("CRITICAL");
            assertThat(HealthCalls.message(health, "components"))
                    .isEqualTo("bundle switchboard.restclient (" + rest.getBundleId() + ") is stopped (RESOLVED)");
            assertThat(HealthCalls.status(health, "httpd")).isEqualTo("OK");
        } finally {
            rest.start();
        }
        HealthCalls.awaitStatus(port, 200);
    }

    @Test
    void theDrainHoldIs503WithItsReasonUntilReleased() throws Exception {
        JsonNode held = Mi.call(HealthCalls.rpc("health_hold", "{\"seconds\":600,\"reason\":\"itest drain\"}"))
                .path("result");
        assertThat(held.path("reason").asText()).isEqualTo("itest drain");
        assertThat(held.path("seconds_left").asLong()).isEqualTo(600);
        // At once: Switchboard's checks are never answered from Felix's result cache.
        HttpResponse<String> response = Loopback.get(port, "/health");
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode health = Mi.JSON.readTree(response.body());
        assertThat(health.path("overallResult").asText()).isEqualTo("TEMPORARILY_UNAVAILABLE");
        assertThat(HealthCalls.status(health, "hold")).isEqualTo("TEMPORARILY_UNAVAILABLE");
        assertThat(HealthCalls.message(health, "hold")).startsWith("held for draining until ").endsWith(": itest drain");
        assertThat(HealthCalls.status(health, "httpd")).isEqualTo("OK");
        // The instance itself serves on: only /health says to go elsewhere.
        assertThat(Mi.call(HealthCalls.rpc("uptime", "{}")).has("result")).isTrue();

        JsonNode released = Mi.call(HealthCalls.rpc("health_release", "{}")).path("result").path("released");
        assertThat(released.path("reason").asText()).isEqualTo("itest drain");
        assertThat(Loopback.get(port, "/health").statusCode()).isEqualTo(200);
        assertThat(Mi.call(HealthCalls.rpc("health_release", "{}")).path("result").path("released").isNull()).isTrue();
    }

    @Test
    void aHoldEndsByItselfWhenItsTimeIsUp() throws Exception {
        Mi.call(HealthCalls.rpc("health_hold", "[1]"));
        assertThat(Loopback.get(port, "/health").statusCode()).isEqualTo(503);
        HealthCalls.awaitStatus(port, 200);
    }

    @Test
    void aHoldNeedsABoundedDurationAndAOneLineReason() throws Exception {
        assertThat(Mi.call(HealthCalls.rpc("health_hold", "{\"seconds\":0}")).path("error").path("code").asInt())
                .isEqualTo(-32602);
        assertThat(Mi.call(HealthCalls.rpc("health_hold", "{\"seconds\":86401}")).path("error").path("data").asText())
                .contains("1 to 86400");
        assertThat(Mi.call(HealthCalls.rpc("health_hold", "{\"seconds\":5,\"reason\":\"a\\nb\"}")).path("error")
                .path("data").asText()).contains("one line");
        assertThat(Loopback.get(port, "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aUsersCheckTaggedSwitchboardJoinsAndCanMakeIt503() throws Exception {
        AtomicReference<Result> verdict = new AtomicReference<>(new Result(Result.Status.OK, "orders flow"));
        var joined = context.registerService(HealthCheck.class, verdict::get,
                checkProperties("orders", "switchboard", "shop"));
        var ignored = context.registerService(HealthCheck.class, () -> new Result(Result.Status.CRITICAL, "not asked"),
                checkProperties("reports", "shop"));
        try {
            JsonNode health = HealthCalls.awaitStatus(port, 200);
            assertThat(HealthCalls.names(health)).contains("orders").doesNotContain("reports");
            assertThat(HealthCalls.message(health, "orders")).isEqualTo("orders flow");
            verdict.set(new Result(Result.Status.CRITICAL, "the order queue is full"));
            // Felix keeps a user's result up to 2 s (hc.resultCacheTtlInMs unset): waited for, not assumed.
            health = HealthCalls.awaitStatus(port, 503);
            assertThat(HealthCalls.message(health, "orders")).isEqualTo("the order queue is full");
            assertThat(HealthCalls.status(health, "httpd")).isEqualTo("OK");
            verdict.set(new Result(Result.Status.WARN, "the order queue is long"));
            assertThat(HealthCalls.message(HealthCalls.awaitStatus(port, 200), "orders"))
                    .isEqualTo("the order queue is long");
        } finally {
            joined.unregister();
            ignored.unregister();
        }
        assertThat(HealthCalls.names(HealthCalls.awaitStatus(port, 200))).doesNotContain("orders");
    }

    @Test
    void theTagsSettingChoosesTheChecks() throws Exception {
        var shop = context.registerService(HealthCheck.class, () -> new Result(Result.Status.OK, "shop open"),
                checkProperties("shop", "shop"));
        try {
            Configs.update(HealthCalls.PID, Map.of("tags", "switchboard,shop"));
            Configs.await("the shop check to run", Duration.ofSeconds(10),
                    () -> HealthCalls.names(HealthCalls.get(port)).contains("shop"));
            Configs.update(HealthCalls.PID, Map.of("tags", "-switchboard"));
            Configs.await("only checks without the tag switchboard", Duration.ofSeconds(10),
                    () -> HealthCalls.names(HealthCalls.get(port)).equals(List.of("shop")));
        } finally {
            shop.unregister();
        }
        Configs.update(HealthCalls.PID, Map.of("tags", "nothing.has.this"));
        Configs.await("no check to run", Duration.ofSeconds(10), () -> HealthCalls.message(HealthCalls.get(port),
                "health").equals("no health check has any of the tags nothing.has.this (setting tags of "
                        + "switchboard.health)"));
        assertThat(Loopback.get(port, "/health").statusCode()).isEqualTo(503);
    }

    @Test
    void allowedIpsLimitsTheClientsAndRootMovesIt() throws Exception {
        Configs.update(HealthCalls.PID, Map.of("allowed_ips", "127.0.0.2"));
        Configs.await("127.0.0.1 refused", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/health").statusCode() == 403);
        assertThat(Loopback.rawFrom("127.0.0.2", port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
                + "\r\n\r\n", Duration.ofSeconds(10))).startsWith("HTTP/1.1 200 ");

        Configs.update(HealthCalls.PID, Map.of("root", "healthz"));
        Configs.await("/healthz to answer", Duration.ofSeconds(10),
                () -> Loopback.get(port, "/healthz").statusCode() == 200);
        assertThat(Loopback.get(port, "/health").statusCode()).isNotEqualTo(200);
    }

    @Test
    void updatesOfTheHealthBundleLoseNoRequest() throws Exception {
        Bundle health = Bundles.named(context, "switchboard.health");
        // While its own bundle swaps, the health may say so (503, with its JSON): any answer but that one is lost.
        Target asked = new Target("health", port, "GET", "/health", Map.of(), "", answer -> answer.status() == 200
                || answer.status() == 503 && answer.body().startsWith("{\"overallResult\":"));
        try (SwapLoad load = SwapLoad.start(4, asked, Target.mi(port, "health"))) {
            load.repeat(3, health::update, () -> HealthCalls.awaitStatus(port, 200));
            load.close();
            assertThat(load.failures()).isEmpty();
        }
    }

    private static Dictionary<String, Object> checkProperties(String name, String... tags) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HealthCheck.NAME, name);
        properties.put(HealthCheck.TAGS, tags);
        return properties;
    }
}
