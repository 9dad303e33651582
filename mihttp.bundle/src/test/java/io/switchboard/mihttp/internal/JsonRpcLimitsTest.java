package io.switchboard.mihttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiException;

/** What a client can put in numbers and strings comes back small, and a command's failure stays inside. */
class JsonRpcLimitsTest {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private JsonRpc jsonRpc;

    @BeforeEach
    void commands() throws Exception {
        MiCounters counters = new MiCounters();
        CommandRegistry registry = Commands.registry(counters);
        Commands.add(registry, params -> params.string("a"),
                Map.of(MiCommand.NAME, "echo", MiCommand.PARAMS, "a"));
        Commands.add(registry, params -> {
            throw new MiException(404, "unknown MI command", params.string("a"));
        }, Map.of(MiCommand.NAME, "lookup", MiCommand.PARAMS, "a"));
        Commands.add(registry, params -> params.integer("a"),
                Map.of(MiCommand.NAME, "count", MiCommand.PARAMS, "a"));
        Commands.add(registry, params -> {
            throw new IllegalStateException("secret path /etc/switchboard/x.cfg");
        }, Map.of(MiCommand.NAME, "broken"));
        jsonRpc = new JsonRpc(new Invoker(registry, counters), counters, Settings.defaults());
    }

    @Test
    void aHugeExponentIsNeverWrittenOut() throws Exception {
        JsonNode echoed = call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"a\":1e500000000},\"id\":1}");
        assertThat(echoed.path("result").asText()).isEqualTo("1E+500000000");
        JsonNode refused = call("{\"jsonrpc\":\"2.0\",\"method\":\"lookup\",\"params\":{\"a\":-1.5e-500000000},\"id\":1e999999999}");
        assertThat(refused.path("error").path("data").asText()).isEqualTo("-1.5E-500000000");
        assertThat(refused.path("id").toString()).isEqualTo("1E+999999999");
        JsonNode notInteger = call("{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"params\":[1e500000000],\"id\":1}");
        assertThat(notInteger.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1.5e3],\"id\":1}").path("result").asText())
                .as("ordinary numbers still read in plain digits").isEqualTo("1500");
    }

    @Test
    void aNumberOfMoreThanAHundredDigitsIsAParseError() throws Exception {
        JsonNode answer = call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[" + "9".repeat(101) + "],\"id\":1}");
        assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32700);
    }

    @Test
    void echoedValuesAreCut() throws Exception {
        String long1 = "x".repeat(100_000);
        List<JsonNode> answers = List.of(
                call("{\"jsonrpc\":\"2.0\",\"method\":\"" + long1 + "\",\"id\":1}"),
                call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"" + long1 + "\":1},\"id\":1}"),
                call("{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"params\":[\"" + long1 + "\"],\"id\":1}"),
                call("{\"jsonrpc\":\"2.0\",\"method\":\"lookup\",\"params\":[\"" + long1 + "\"],\"id\":1}"),
                call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"" + long1 + "\":1,\"id\":1}"));
        for (JsonNode answer : answers) {
            assertThat(answer.path("error").path("code").asInt()).isNotZero();
            assertThat(answer.path("error").path("data").asText()).hasSizeLessThan(Quoted.MAX_ERROR_DATA + 10);
        }
        assertThat(answers.get(0).path("error").path("data").asText()).hasSizeLessThan(Quoted.MAX + 30);
    }

    @Test
    void aFailingCommandGetsAGenericInternalError() throws Exception {
        JsonNode answer = call("{\"jsonrpc\":\"2.0\",\"method\":\"broken\",\"id\":1}");
        assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32603);
        assertThat(answer.path("error").path("message").asText()).isEqualTo("Internal error");
        assertThat(answer.toString()).doesNotContain("secret", "IllegalStateException");
    }

    private JsonNode call(String body) throws Exception {
        FakeExchange exchange = FakeExchange.post(body);
        jsonRpc.serve(exchange, exchange, Caller.SHELL);
        assertThat(exchange.status()).isEqualTo(200);
        return JSON.readTree(exchange.text());
    }
}
