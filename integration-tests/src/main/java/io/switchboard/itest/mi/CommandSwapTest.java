package io.switchboard.itest.mi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Mi;
import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiStatistics;

/** A command whose service leaves (its bundle is updated): calls of its name wait for the next one. */
class CommandSwapTest {
    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"test_swapped\",\"id\":1}";

    @InjectBundleContext
    BundleContext context;

    @AfterEach
    void restore() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(Httpd.port())));
    }

    @Test
    void aCallOfACommandWhoseServiceLeftIsAnsweredByTheNextOne() throws Exception {
        ServiceRegistration<MiCommand> first = swapped("first");
        assertThat(Mi.call(CALL).path("result").asText()).isEqualTo("first");
        long requests = miRequests();
        first.unregister();
        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return Mi.call(CALL);
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
        Configs.await("the call at the MI", Duration.ofSeconds(10), () -> miRequests() > requests);
        ServiceRegistration<MiCommand> second = swapped("second");
        try {
            assertThat(waiting.get(30, TimeUnit.SECONDS).path("result").asText()).isEqualTo("second");
        } finally {
            second.unregister();
        }
    }

    @Test
    void aCommandRemovedForGoodIsMethodNotFoundOnceTheHoldHasPassed() throws Exception {
        Httpd.configure(Map.of("ip", "127.0.0.1", "port", Integer.toString(Httpd.port()), "swap_hold", "300"));
        swapped("gone").unregister();
        JsonNode answer = Mi.call(CALL);
        assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32601);
    }

    private ServiceRegistration<MiCommand> swapped(String answer) {
        return TestCommands.register(context, params -> answer, "test_swapped", new String[0], new String[0], false,
                "Answers who it is");
    }

    private long miRequests() throws Exception {
        var statistics = context.getServiceReferences(MiStatistics.class, "(" + MiStatistics.GROUP + "=httpd)");
        return statistics.stream().mapToLong(reference -> {
            Long value = context.getService(reference).values().get("mi_requests");
            context.ungetService(reference);
            return value == null ? 0 : value;
        }).sum();
    }
}
