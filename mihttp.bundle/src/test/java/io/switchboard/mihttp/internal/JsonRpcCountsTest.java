package io.switchboard.mihttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiException;

/** Every call and every error a JSON-RPC request gets is counted once, whether a command saw it or not. */
class JsonRpcCountsTest {
    private final MiCounters counters = new MiCounters();
    private final CommandRegistry registry = Commands.registry(counters);
    private JsonRpc jsonRpc;
    private Map<String, Long> before;

    @BeforeEach
    void commands() throws Exception {
        Commands.add(registry, params -> params.string("a"), Map.of(MiCommand.NAME, "echo", MiCommand.PARAMS, "a"));
        Commands.add(registry, params -> {
            throw new MiException(404, "Not found");
        }, Map.of(MiCommand.NAME, "lookup"));
        Commands.add(registry, params -> {
            throw new IllegalStateException("boom");
        }, Map.of(MiCommand.NAME, "broken"));
        Commands.add(registry, params -> "done", Map.of(MiCommand.NAME, "admin:only", MiCommand.ADMIN, true));
        jsonRpc = new JsonRpc(new Invoker(registry, counters), counters, Settings.of(Map.of("max_batch", 3)));
        before = counters.values();
    }

    @Test
    void requestsRefusedBeforeAnyCallCountTheirError() throws Exception {
        post("{", Caller.SHELL);
        post("", Caller.SHELL);
        post("[]", Caller.SHELL);
        post("[1,2,3,4]", Caller.SHELL);
        post("{\"jsonrpc\":\"1.0\",\"method\":\"echo\",\"id\":1}", Caller.SHELL);
        assertThat(moved()).containsOnly(Map.entry("errors_minus32700", 2L), Map.entry("errors_minus32600", 3L));
    }

    @Test
    void eachCallOfABatchCountsOnceWithItsError() throws Exception {
        post("[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":2},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"nothing\",\"id\":3}]", Caller.SHELL);
        assertThat(moved()).containsOnly(Map.entry("echo_calls", 2L), Map.entry("errors_minus32602", 1L),
                Map.entry("errors_minus32601", 1L));
    }

    @Test
    void aCommandsOwnErrorsAndFailuresCountUnderTheirCodes() throws Exception {
        post("{\"jsonrpc\":\"2.0\",\"method\":\"lookup\",\"id\":1}", Caller.SHELL);
        post("{\"jsonrpc\":\"2.0\",\"method\":\"broken\",\"id\":1}", Caller.SHELL);
        post("{\"jsonrpc\":\"2.0\",\"method\":\"admin:only\",\"id\":1}", new Caller("bob", false));
        post("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"a\":{\"b\":1}}}", Caller.SHELL);
        assertThat(moved()).containsOnly(Map.entry("lookup_calls", 1L), Map.entry("errors_404", 1L),
                Map.entry("broken_calls", 1L), Map.entry("errors_minus32603", 1L), Map.entry("admin_only_calls", 1L),
                Map.entry("errors_minus32001", 1L), Map.entry("echo_calls", 1L), Map.entry("errors_minus32602", 1L));
    }

    @Test
    void notificationsAreCountedThoughNothingIsAnswered() throws Exception {
        FakeExchange exchange = post("[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"nothing\"}]", Caller.SHELL);
        assertThat(exchange.status()).isEqualTo(202);
        assertThat(moved()).containsOnly(Map.entry("echo_calls", 1L), Map.entry("errors_minus32601", 1L));
    }

    private FakeExchange post(String body, Caller caller) throws Exception {
        FakeExchange exchange = FakeExchange.post(body);
        jsonRpc.serve(exchange, exchange, caller);
        return exchange;
    }

    /** @return the counters that moved since the test began, by how much */
    private Map<String, Long> moved() {
        Map<String, Long> moved = new HashMap<>();
        counters.values().forEach((name, value) -> {
            long delta = value - before.getOrDefault(name, 0L);
            if (delta != 0) {
                moved.put(name, delta);
            }
        });
        return moved;
    }
}
