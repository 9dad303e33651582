package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.Mi;
import io.switchboard.mi.MiCommand;

/** rest_get, rest_post and rest_put as MI commands, answered in rest_client's terms. */
class RestMiCommandsTest {
    @InjectBundleContext
    BundleContext context;

    @Test
    void anOperatorTriesAnEndpointOverTheMi() throws Exception {
        Httpd.port();
        Mi.reset();
        try (TestServer server = new TestServer()) {
            JsonNode get = Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"rest_get\",\"params\":[\"" + server.url("/echo")
                    + "\"],\"id\":1}").path("result");
            assertThat(get.path("rc").asInt()).isEqualTo(1);
            assertThat(get.path("status").asInt()).isEqualTo(200);
            assertThat(get.path("body").asText()).isEqualTo("GET|null|null|");
            JsonNode post = Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"rest:post\",\"params\":{\"url\":\""
                    + server.url("/echo") + "\",\"body\":\"{}\",\"content_type\":\"application/json\"},\"id\":2}")
                    .path("result");
            assertThat(post.path("body").asText()).isEqualTo("POST|null|application/json|{}");
            JsonNode put = Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"rest_put\",\"params\":[\"" + server.url("/echo")
                    + "\",\"a=1\"],\"id\":3}").path("result");
            assertThat(put.path("body").asText()).isEqualTo("PUT|null|application/x-www-form-urlencoded|a=1");
        }
        JsonNode refused = Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"rest_get\",\"params\":[\"http://127.0.0.1:"
                + Loopback.freePort() + "/\"],\"id\":4}").path("result");
        assertThat(refused.path("rc").asInt()).isEqualTo(-1);
        assertThat(refused.path("status").asInt()).isZero();
        assertThat(refused.path("error").asText()).isNotEmpty();
        JsonNode missing = Mi.call("{\"jsonrpc\":\"2.0\",\"method\":\"rest_post\",\"params\":[\"http://127.0.0.1/\"],\"id\":5}");
        assertThat(missing.path("error").path("code").asInt()).isEqualTo(-32602);
        for (String name : new String[] { "rest:get", "rest:post", "rest:put" }) {
            assertThat(context.getServiceReferences(MiCommand.class, "(&(mi.command=" + name + ")(mi.admin=true))"))
                    .as(name + " is admin only").hasSize(1);
        }
    }
}
