package io.switchboard.mihttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.json.JsonMapper;

/** Which calls are valid JSON-RPC 2.0, which are notifications, and what id an invalid one answers with. */
class JsonRpcCallTest {
    private static final JsonMapper JSON = new JsonMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":1}                    | valid   | 1",
            "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":\"abc\"}              | valid   | \"abc\"",
            "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":null}                 | valid   | null",
            "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":[1]}              | notification | null",
            "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"a\":1},\"id\":2} | valid | 2",
            "{\"jsonrpc\":\"1.0\",\"method\":\"m\",\"id\":3}                    | invalid | 3",
            "{\"method\":\"m\",\"id\":3}                                        | invalid | 3",
            "{\"jsonrpc\":\"2.0\",\"method\":\"\",\"id\":3}                     | invalid | 3",
            "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":3,\"id\":3}       | invalid | 3",
            "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":[3]}                  | invalid | null",
            "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"extra\":1,\"id\":3}        | invalid | 3",
            "{\"jsonrpc\":\"2.0\",\"method\":\"m\"}                             | notification | null",
            "[1]                                                                | invalid | null",
            "\"text\"                                                           | invalid | null" })
    void callsAreCheckedAsTheSpecificationSays(String json, String kind, String answerId) throws Exception {
        JsonRpcCall call = JsonRpcCall.of(JSON.readTree(json));
        assertThat(call.invalid() == null ? (call.notification() ? "notification" : "valid") : "invalid")
                .isEqualTo(kind);
        assertThat(call.id().toString()).isEqualTo(answerId);
        if (call.invalid() != null) {
            assertThat(call.invalid().code()).isEqualTo(-32600);
        }
    }
}
