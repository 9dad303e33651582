package io.switchboard.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RestResponseTest {

    @Test
    void headersAreFoundInAnyCaseAsHttp2SendsThemInLowerCase() {
        RestResponse response = new RestResponse(200, "text/plain", Map.of("content-type", List.of("text/plain"),
                "Set-Cookie", List.of("a=1", "b=2")), new byte[0]);

        assertThat(response.header("Content-Type")).hasValue("text/plain");
        assertThat(response.headers().get("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(response.header("Location")).isEmpty();
    }

    @Test
    void namesThatDifferOnlyInCaseAreOneHeader() {
        Map<String, List<String>> sent = new HashMap<>();
        sent.put("Via", List.of("1.1 a"));
        sent.put("via", List.of("1.1 b"));

        assertThat(new RestResponse(200, null, sent, new byte[0]).headers().get("VIA")).hasSize(2);
    }

    @Test
    void theHeadersCannotBeChangedNorFollowTheMapTheyCameFrom() {
        List<String> values = new ArrayList<>(List.of("1"));
        Map<String, List<String>> sent = new HashMap<>(Map.of("X-Count", values));
        RestResponse response = new RestResponse(200, null, sent, new byte[0]);

        values.add("2");
        sent.put("X-Other", List.of("3"));

        assertThat(response.headers()).containsOnlyKeys("X-Count");
        assertThat(response.headers().get("x-count")).containsExactly("1");
        assertThatThrownBy(() -> response.headers().put("X-New", List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> response.headers().get("X-Count").add("4")).isInstanceOf(UnsupportedOperationException.class);
    }
}
