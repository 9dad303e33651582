package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.httpd.HttpdEndpoint;
import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.httpd.HttpdRuntime;
import io.switchboard.httpd.RootHandler;
import io.switchboard.httpd.RootPath;
import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;

/** Roots come and go at runtime; the best-ranked handler of a root serves and the others wait. */
class RootRegistrationTest {
    @InjectBundleContext
    BundleContext context;
    @InjectService
    HttpdRuntime runtime;
    int port;

    @BeforeEach
    void serve() throws Exception {
        port = Httpd.port();
    }

    @Test
    void aRootAnswersWhileItsHandlerIsRegistered() throws Exception {
        assertThat(Loopback.get(port, "/dynamic").statusCode()).isEqualTo(404);
        ServiceRegistration<RootHandler> registration = Handlers.register(context, "dynamic", Handlers.echo("one"));
        assertThat(Loopback.get(port, "/dynamic").body()).startsWith("one|");
        registration.unregister();
        assertThat(Loopback.get(port, "/dynamic").statusCode()).isEqualTo(404);
    }

    @Test
    void theHigherRankingServesAndTheOtherWaitsThenTakesOver() throws Exception {
        ServiceRegistration<RootHandler> original = Handlers.register(context, "conflict", 0, Handlers.echo("original"));

        ServiceRegistration<RootHandler> lower = Handlers.register(context, "conflict", -1, Handlers.echo("lower"));
        assertThat(Loopback.get(port, "/conflict").body()).startsWith("original|");
        assertThat(states("conflict")).containsExactly(id(original) + ":serving", id(lower) + ":waiting");
        lower.unregister();

        ServiceRegistration<RootHandler> higher = Handlers.register(context, "conflict", 1, Handlers.echo("higher"));
        assertThat(Loopback.get(port, "/conflict").body()).startsWith("higher|");
        assertThat(states("conflict")).containsExactly(id(higher) + ":serving", id(original) + ":waiting");

        higher.unregister();
        assertThat(Loopback.get(port, "/conflict").body()).startsWith("original|");
        assertThat(states("conflict")).containsExactly(id(original) + ":serving");

        original.unregister();
        assertThat(Loopback.get(port, "/conflict").statusCode()).isEqualTo(404);
    }

    @Test
    void equalRankingsKeepTheFirstRegistered() throws Exception {
        Handlers.register(context, "tie", 0, Handlers.echo("first"));
        Handlers.register(context, "tie", 0, Handlers.echo("second"));
        assertThat(Loopback.get(port, "/tie").body()).startsWith("first|");
    }

    @Test
    void aRankingChangeReordersTheRoot() throws Exception {
        Handlers.register(context, "reorder", 0, Handlers.echo("a"));
        ServiceRegistration<RootHandler> b = Handlers.register(context, "reorder", -5, Handlers.echo("b"));
        assertThat(Loopback.get(port, "/reorder").body()).startsWith("a|");
        b.setProperties(new java.util.Hashtable<>(java.util.Map.of(RootHandler.ROOT, "reorder",
                org.osgi.framework.Constants.SERVICE_RANKING, 5)));
        assertThat(Loopback.get(port, "/reorder").body()).startsWith("b|");
    }

    @Test
    void theRuntimeListsModuleBundleAndStateAndCountsChanges() throws Exception {
        long before = changeCount();
        java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
        properties.put(RootHandler.ROOT, "listed");
        properties.put(RootHandler.MODULE, "listed_module");
        context.registerService(RootHandler.class, Handlers.echo("listed"), properties);
        // The runtime's properties change off the registering thread: wait for it, boundedly.
        io.switchboard.itest.Configs.await("service.changecount to grow", java.time.Duration.ofSeconds(10),
                () -> changeCount() > before);
        RootPath listed = runtime.roots().stream().filter(r -> r.root().equals("listed")).findFirst().orElseThrow();
        assertThat(listed.module()).isEqualTo("listed_module");
        assertThat(listed.bundle()).isEqualTo(context.getBundle().getSymbolicName());
        assertThat(listed.serving()).isTrue();
    }

    @Test
    void aRootThatIsNotOnePathSegmentIsIgnored() throws Exception {
        Handlers.register(context, "a/b", Handlers.echo("bad"));
        assertThat(runtime.roots()).noneMatch(r -> r.root().contains("/"));
        assertThat(Loopback.get(port, "/a/b").statusCode()).isEqualTo(404);
    }

    @Test
    void startedRunsWithTheEndpointWhenAHandlerArrivesWhileTheServerListens() throws Exception {
        BlockingQueue<HttpdEndpoint> started = new ArrayBlockingQueue<>(4);
        Handlers.register(context, "started", new RootHandler() {
            @Override
            public void handle(HttpdRequest request, HttpdResponse response) throws Exception {
                response.send(200, "text/plain", "ok");
            }

            @Override
            public void started(HttpdEndpoint endpoint) {
                started.add(endpoint);
            }
        });
        HttpdEndpoint endpoint = started.poll(10, TimeUnit.SECONDS);
        assertThat(endpoint).isNotNull();
        assertThat(endpoint.port()).isEqualTo(port);
        assertThat(endpoint.uri().toString()).isEqualTo("http://127.0.0.1:" + port + "/");
    }

    private List<String> states(String root) {
        return runtime.roots().stream().filter(r -> r.root().equals(root))
                .map(r -> r.serviceId() + ":" + (r.serving() ? "serving" : "waiting")).toList();
    }

    private static String id(ServiceRegistration<?> registration) {
        return registration.getReference().getProperty("service.id").toString();
    }

    private long changeCount() {
        return (Long) context.getServiceReference(HttpdRuntime.class).getProperty("service.changecount");
    }
}
