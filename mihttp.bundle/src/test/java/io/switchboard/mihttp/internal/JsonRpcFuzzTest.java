package io.switchboard.mihttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiException;
import io.switchboard.support.settings.SettingRefusedException;

/**
 * Any body a client can post to the MI gets a JSON-RPC answer: a result or an error for each call,
 * never an internal error, never an exception, and never an answer much larger than the request (a
 * number written out, a value echoed whole). The commands read their parameters with every getter of
 * {@link io.switchboard.mi.MiParams}. In {@code mvn verify} this runs the checked-in corpus under
 * {@code JsonRpcFuzzTestInputs}; see the README for a longer run.
 */
class JsonRpcFuzzTest {
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** The codes client input may cause: JSON-RPC's own but -32603, and the test commands' 404. */
    private static final Set<Integer> CLIENT_ERRORS = Set.of(-32700, -32600, -32601, -32602, 404);
    private static final JsonRpc JSON_RPC = jsonRpc();

    @FuzzTest(maxDuration = "2m")
    void answersEveryRequest(byte[] body) throws Exception {
        FakeExchange exchange = FakeExchange.post(body);
        JSON_RPC.serve(exchange, exchange, Caller.SHELL);
        assertThat(exchange.status()).isIn(200, 202);
        String answer = exchange.text();
        if (exchange.status() == 202) {
            assertThat(answer).isEmpty();
            return;
        }
        assertThat(answer.length()).as("no number written out, no value echoed whole")
                .isLessThanOrEqualTo(4096 + 200 * body.length);
        JsonNode tree = JSON.readTree(answer);
        if (tree.isArray()) {
            assertThat(tree).isNotEmpty();
            tree.forEach(JsonRpcFuzzTest::assertResponse);
        } else {
            assertResponse(tree);
        }
    }

    private static void assertResponse(JsonNode response) {
        assertThat(response.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(response.has("id")).isTrue();
        assertThat(response.has("result")).isNotEqualTo(response.has("error"));
        if (response.has("error")) {
            assertThat(response.path("error").path("code").asInt()).isIn(CLIENT_ERRORS);
        }
    }

    private static JsonRpc jsonRpc() {
        MiCounters counters = new MiCounters();
        CommandRegistry registry = Commands.registry(counters);
        Commands.add(registry, params -> params.asMap(),
                Map.of(MiCommand.NAME, "echo", MiCommand.OPTIONAL_PARAMS, new String[] { "a", "b", "c" }));
        Commands.add(registry, params -> params.string("a") + params.optionalString("b").orElse(""),
                Map.of(MiCommand.NAME, "text", MiCommand.PARAMS, "a", MiCommand.OPTIONAL_PARAMS, "b"));
        Commands.add(registry, params -> params.integer("a") + params.optionalInteger("b").orElse(0L),
                Map.of(MiCommand.NAME, "sum", MiCommand.PARAMS, "a", MiCommand.OPTIONAL_PARAMS, "b"));
        Commands.add(registry, params -> params.strings("a"),
                Map.of(MiCommand.NAME, "list", MiCommand.ALIAS, "ls", MiCommand.OPTIONAL_PARAMS, "a"));
        Commands.add(registry, params -> {
            throw new MiException(404, "unknown MI command", params.string("a"));
        }, Map.of(MiCommand.NAME, "help", MiCommand.OPTIONAL_PARAMS, "a"));
        try {
            return new JsonRpc(new Invoker(registry, counters), counters, Settings.defaults());
        } catch (SettingRefusedException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
