package io.switchboard.itest.mi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.itest.Httpd;
import io.switchboard.itest.Mi;
import io.switchboard.mi.MiCommand;

/** JSON-RPC 2.0 over POST /mi, as OpenSIPS 3's mi_http speaks it, with batches. */
class JsonRpcTest {
    @InjectBundleContext
    BundleContext context;

    @BeforeEach
    void serve() throws Exception {
        Httpd.port();
        Mi.reset();
    }

    @Test
    void namedAndPositionalParamsReachTheCommand() throws Exception {
        TestCommands.echo(context);
        JsonNode named = Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":{\"a\":\"x\",\"b\":2},\"id\":1}");
        assertThat(named.toString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"a\":\"x\",\"b\":2},\"id\":1}");
        JsonNode positional = Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[\"x\",[1,2]],\"id\":2}");
        assertThat(positional.path("result").toString()).isEqualTo("{\"a\":\"x\",\"b\":[1,2]}");
        JsonNode onlyRequired = Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[\"x\"],\"id\":3}");
        assertThat(onlyRequired.path("result").path("b").isNull()).isTrue();
    }

    @Test
    void opensipsCliCallsWithARandomStringIdAndGetsItBack() throws Exception {
        JsonNode answer = Mi.call("{\"jsonrpc\": \"2.0\", \"method\": \"httpd_list_root_path\", \"id\": \"k3Jd9aZq\"}");
        assertThat(answer.path("id").asText()).isEqualTo("k3Jd9aZq");
        JsonNode mi = null;
        for (JsonNode root : answer.path("result")) {
            if (root.path("http_root").asText().equals("mi")) {
                mi = root;
            }
        }
        assertThat(mi).isNotNull();
        assertThat(mi.path("module").asText()).isEqualTo("mi_http");
        JsonNode namespaced = Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"httpd:list_root_path\",\"id\":1}");
        assertThat(namespaced.path("result")).isEqualTo(answer.path("result"));
    }

    @Test
    void everyStandardErrorCodeComesWithHttp200() throws Exception {
        TestCommands.echo(context);
        TestCommands.failing(context);
        assertError("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"id\":1", -32700, true);
        assertError("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"id\":1} trailing", -32700, true);
        assertError("", -32700, true);
        assertError("{\"method\":\"test_echo\",\"id\":1}", -32600, false);
        assertError("{\"jsonrpc\":\"2.0\",\"method\":5,\"id\":1}", -32600, false);
        assertError("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":\"a\",\"id\":1}", -32600, false);
        assertError("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"id\":{\"x\":1}}", -32600, true);
        assertError("[]", -32600, true);
        assertError("{\"jsonrpc\":\"2.0\",\"method\":\"no_such_command\",\"id\":1}", -32601, false);
        assertError("{\"jsonrpc\":\"2.0\",\"method\":\"test_fail\",\"id\":1}", -32603, false);
        JsonNode missing = assertError("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":{},\"id\":1}", -32602,
                false);
        assertThat(missing.path("error").path("data").asText()).contains("missing parameter 'a'");
        JsonNode unknown = assertError(
                "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":{\"a\":1,\"zz\":2},\"id\":1}", -32602, false);
        assertThat(unknown.path("error").path("data").asText()).contains("unknown parameter 'zz'");
        JsonNode tooMany = assertError("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[1,2,3],\"id\":1}",
                -32602, false);
        assertThat(tooMany.path("error").path("data").asText()).contains("at most 2 parameters");
    }

    @Test
    void aCommandsOwnErrorKeepsItsCodeMessageAndData() throws Exception {
        TestCommands.ownError(context);
        JsonNode answer = Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"test_missing\",\"id\":7}");
        assertThat(answer.toString()).isEqualTo(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":404,\"message\":\"Not found\",\"data\":\"no such thing\"},\"id\":7}");
    }

    @Test
    void aBatchOfGoodAndBadCallsIsAnsweredInOrderWithoutItsNotifications() throws Exception {
        TestCommands.echo(context);
        AtomicInteger calls = new AtomicInteger();
        TestCommands.counting(context, calls);
        JsonNode answers = Mi.call("[{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[\"one\"],\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":\"two\"},"
                + "1,"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":{},\"id\":3}]");
        assertThat(answers.isArray()).isTrue();
        assertThat(answers.size()).isEqualTo(4);
        assertThat(answers.get(0).path("result").path("a").asText()).isEqualTo("one");
        assertThat(answers.get(1).path("error").path("code").asInt()).isEqualTo(-32601);
        assertThat(answers.get(1).path("id").asText()).isEqualTo("two");
        assertThat(answers.get(2).path("error").path("code").asInt()).isEqualTo(-32600);
        assertThat(answers.get(2).path("id").isNull()).isTrue();
        assertThat(answers.get(3).path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(calls).hasValue(1);
    }

    @Test
    void notificationsAreRunAndAnswered202WithoutABody() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TestCommands.counting(context, calls);
        HttpResponse<String> one = Mi.post("{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"}");
        assertThat(one.statusCode()).isEqualTo(202);
        assertThat(one.body()).isEmpty();
        HttpResponse<String> batch = Mi.post("[{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"test_count\",\"params\":[]}]");
        assertThat(batch.statusCode()).isEqualTo(202);
        assertThat(batch.body()).isEmpty();
        assertThat(calls).hasValue(3);
    }

    @Test
    void aCommandRegisteredAtRuntimeAnswersAndIsGoneOnceRemoved() throws Exception {
        String call = "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[\"x\"],\"id\":1}";
        assertThat(Mi.call(call).path("error").path("code").asInt()).isEqualTo(-32601);
        ServiceRegistration<MiCommand> echo = TestCommands.echo(context);
        assertThat(Mi.call(call).path("result").path("a").asText()).isEqualTo("x");
        echo.unregister();
        assertThat(Mi.call(call).path("error").path("code").asInt()).isEqualTo(-32601);
    }

    private static JsonNode assertError(String body, int code, boolean nullId) throws Exception {
        HttpResponse<String> response = Mi.post(body);
        assertThat(response.statusCode()).as(body).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode answer = Mi.JSON.readTree(response.body());
        assertThat(answer.path("jsonrpc").asText()).as(body).isEqualTo("2.0");
        assertThat(answer.path("error").path("code").asInt()).as(body + " -> " + response.body()).isEqualTo(code);
        assertThat(answer.path("error").path("message").asText()).isNotEmpty();
        assertThat(answer.has("id")).isTrue();
        if (nullId) {
            assertThat(answer.path("id").isNull()).as(body).isTrue();
        } else {
            assertThat(answer.path("id").asInt()).isEqualTo(1);
        }
        return answer;
    }
}
