package io.switchboard.itest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.LogCapture;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.Mi;
import io.switchboard.itest.mi.Passwords;
import io.switchboard.mi.MiStatistics;

/**
 * {@code /metrics} over real HTTP: a group published by a bundle of its own (the test's) is served typed,
 * with no code for it in Switchboard; its counter, and httpd's, move by exactly the requests made; the MI's
 * access rules decide who scrapes. Addresses other than 127.0.0.1 are the clients from elsewhere; each test
 * that fails logins uses one of its own, as failures are throttled per address.
 */
class PrometheusEndpointTest {
    @InjectBundleContext
    BundleContext context;
    @InjectService
    LogReaderService logs;
    @InjectService
    CommandProcessor shell;

    private final ShopStatistics shop = new ShopStatistics();
    private ServiceRegistration<MiStatistics> shopGroup;

    @BeforeEach
    void aShopPublishesItsStatistics() throws Exception {
        Httpd.port();
        Mi.reset();
        Scrapes.reset();
        Hashtable<String, Object> group = new Hashtable<>();
        group.put(MiStatistics.GROUP, "shop");
        shopGroup = context.registerService(MiStatistics.class, shop, group);
        // The shop counts an order per request it answers, before answering.
        Handlers.register(context, "shop", (request, response) -> {
            shop.orders.increment();
            response.send(200, "text/plain", "ordered\n");
        });
    }

    @AfterEach
    void defaults() throws Exception {
        Mi.reset();
        Scrapes.reset();
    }

    @Test
    void aThirdPartyGroupIsServedTypedAndItsCounterMovesByTheRequestsMade() throws Exception {
        String before = Scrapes.text();
        assertThat(before).contains("# TYPE switchboard_shop_orders_total counter\n")
                .contains("# TYPE switchboard_shop_open_carts gauge\n")
                .contains("# TYPE switchboard_shop_checkout_seconds histogram\n")
                .contains("switchboard_shop_checkout_seconds_bucket{le=\"0.1\"} 6\n")
                .contains("switchboard_shop_checkout_seconds_bucket{le=\"+Inf\"} 8\n")
                .contains("switchboard_shop_checkout_seconds_sum 2.5\n")
                .contains("# TYPE switchboard_httpd_shop_requests_total counter\n");
        assertThat(Scrapes.value(before, "switchboard_shop_orders_total")).isEqualTo(0.0);
        double httpdBefore = Scrapes.value(before, "switchboard_httpd_shop_requests_total");
        for (int i = 0; i < 5; i++) {
            assertThat(Loopback.get(Httpd.port(), "/shop/" + i).statusCode()).isEqualTo(200);
        }
        assertThat(Scrapes.value(Scrapes.text(), "switchboard_shop_orders_total")).isEqualTo(5.0);
        // httpd counts a response once it is complete, which may be just after the client has it.
        Configs.await("httpd's 5 requests to /shop on /metrics", Duration.ofSeconds(5), () -> Double.valueOf(
                httpdBefore + 5).equals(Scrapes.value(Scrapes.text(), "switchboard_httpd_shop_requests_total")));

        shop.openCarts.set(3);
        assertThat(Scrapes.value(Scrapes.text(), "switchboard_shop_open_carts")).isEqualTo(3.0);
        shop.openCarts.set(1);
        assertThat(Scrapes.value(Scrapes.text(), "switchboard_shop_open_carts")).isEqualTo(1.0);

        shopGroup.unregister();
        assertThat(Scrapes.text()).as("a group that leaves is no longer served").doesNotContain("switchboard_shop_");
    }

    @Test
    void theJvmsMetricsComeWithTheTextTheScraperAsksFor() throws Exception {
        HttpResponse<String> plain = Scrapes.get("/metrics", null);
        assertThat(plain.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(plain.body()).contains("# TYPE jvm_threads_current gauge\n")
                .contains("# TYPE jvm_memory_used_bytes gauge\n").contains("# TYPE process_cpu_seconds_total counter\n")
                .contains("jvm_runtime_info{").doesNotContain("# EOF");
        HttpResponse<String> openMetrics = Scrapes.get("/metrics", "application/openmetrics-text;version=1.0.0,"
                + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        assertThat(openMetrics.headers().firstValue("Content-Type"))
                .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(openMetrics.body()).contains("# TYPE switchboard_shop_orders counter\n")
                .contains("switchboard_shop_orders_total 0.0\n").endsWith("# EOF\n");
        assertThat(Scrapes.get("/metrics/other", null).statusCode()).isEqualTo(404);
        String post = Loopback.rawFrom("127.0.0.1", Httpd.port(), "POST /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n", Duration.ofSeconds(10));
        assertThat(post).startsWith("HTTP/1.1 405").contains("Allow: GET");
    }

    @Test
    void promtoolAcceptsTheTextInEveryGroupMode() throws Exception {
        for (int mode = 0; mode <= 2; mode++) {
            Scrapes.configure(Map.of("group_mode", mode));
            String text = Scrapes.text();
            Promtool.Verdict verdict = Promtool.checkMetrics(text);
            assertThat(verdict.exit()).as("promtool check metrics, group_mode %d, said: %s", mode, verdict.output())
                    .isZero();
            assertThat(verdict.output()).isEmpty();
        }
        assertThat(Scrapes.text()).contains("switchboard_orders_total{group=\"shop\"} 0.0\n")
                .contains("switchboard_checkout_seconds_bucket{group=\"shop\",le=\"1.0\"} 7\n");
    }

    @Test
    void withoutUsersOnlyLocalClientsScrapeUnlessTheScrapeIsOpen() throws Exception {
        Mi.configure(Map.of("local_clients", "127.0.0.1"));
        assertThat(Scrapes.rawGet("127.0.0.2", "/metrics", "")).startsWith("HTTP/1.1 403");
        assertThat(Scrapes.rawGet("127.0.0.1", "/metrics", "")).startsWith("HTTP/1.1 200")
                .contains("switchboard_shop_orders_total");
        assertThat(Scrapes.rawGet("127.0.0.1", "/metrics", "Origin: http://evil.example\r\n"))
                .as("another site's page").startsWith("HTTP/1.1 403");
        assertThat(Loopback.rawFrom("127.0.0.1", Httpd.port(), "GET /metrics HTTP/1.1\r\nHost: evil.example\r\n"
                + "Connection: close\r\n\r\n", Duration.ofSeconds(10))).as("a rebound name").startsWith("HTTP/1.1 403");

        Scrapes.configure(Map.of("open_scrape", true));
        assertThat(Scrapes.rawGet("127.0.0.2", "/metrics", "")).startsWith("HTTP/1.1 200")
                .contains("switchboard_shop_orders_total");
    }

    @Test
    void withUsersAScrapeLogsInAsAnMiUser() throws Exception {
        Mi.configure(Map.of("users", "alice:user:" + Passwords.hash(shell, "s3cret-A")));
        String anonymous = Scrapes.rawGet("127.0.0.31", "/metrics", "");
        assertThat(anonymous).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: Basic realm=\"Switchboard MI\"");
        String wrong = Scrapes.rawGet("127.0.0.31", "/metrics", "Authorization: " + Mi.basic("alice", "nope")
                + "\r\n");
        assertThat(wrong).startsWith("HTTP/1.1 401");
        Configs.await("alice's scrape, once the failed login's penalty has passed", Duration.ofSeconds(10),
                () -> Scrapes.rawGet("127.0.0.31", "/metrics", "Authorization: " + Mi.basic("alice", "s3cret-A")
                        + "\r\n").startsWith("HTTP/1.1 200"));
        String alice = Scrapes.rawGet("127.0.0.32", "/metrics", "Authorization: " + Mi.basic("alice", "s3cret-A")
                + "\r\n");
        assertThat(alice).startsWith("HTTP/1.1 200").contains("switchboard_shop_orders_total");

        Scrapes.configure(Map.of("open_scrape", true));
        assertThat(Scrapes.rawGet("127.0.0.31", "/metrics", "")).startsWith("HTTP/1.1 200");
    }

    @Test
    void aBadSettingIsRefusedAndThePreviousConfigurationServes() throws Exception {
        Scrapes.configure(Map.of("prefix", "shopfront"));
        try (LogCapture capture = new LogCapture(logs)) {
            Configs.update(Scrapes.PID, Map.of("prefix", "shopfront", "group_label", "le"));
            capture.await(Duration.ofSeconds(10), "switchboard.prometheus", "group_label=le", "not le or quantile",
                    "previous configuration stays in force");
        }
        assertThat(Scrapes.text()).contains("shopfront_shop_orders_total 0.0");
    }

    @Test
    void theRootAndTheNamesFollowTheSettings() throws Exception {
        Scrapes.configure(Map.of("root", "prom", "prefix", "sb", "group_mode", 2, "group_label", "module",
                "group_prefix", "x_"));
        HttpResponse<String> moved = Scrapes.get("/prom", null);
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains("sb_orders_total{module=\"x_shop\"} 0.0\n");
        assertThat(Scrapes.get("/metrics", null).statusCode()).as("the old root is gone").isEqualTo(404);
    }
}
