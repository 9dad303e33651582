package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.hc.client5.http.utils.URIUtils;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.message.BasicHttpRequest;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever text a caller passes as a URL, a header line, a content type or to escape and unescape is
 * either refused with {@link IllegalArgumentException} or becomes something HttpCore sends exactly as
 * it is (every character one it can write), and escape and unescape undo each other. Each input is
 * tried in all four roles. In {@code mvn verify} this runs the checked-in corpus under
 * {@code CallerInputFuzzTestInputs}; see the README for a longer run.
 */
class CallerInputFuzzTest {
    /** What HttpCore writes byte for byte in a request line or header: visible US-ASCII. */
    private static final String VISIBLE = "[\\x21-\\x7E]*";

    @FuzzTest(maxDuration = "2m")
    void buildsOrRefuses(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        url(text);
        header(text);
        contentType(text);
        escaping(text);
    }

    private static void url(String text) {
        URI uri;
        try {
            uri = TargetUrl.parse(text);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertThat(uri.getScheme()).matches("(?i)https?");
        assertThat(uri.toString()).matches(VISIBLE);
        assertThat(uri.getPort()).isBetween(-1, 65535).isNotZero();
        assertThat(URIUtils.extractHost(uri)).isNotNull();
        BasicHttpRequest request = new BasicHttpRequest("GET", uri);
        assertThat(request.getPath()).startsWith("/").matches(VISIBLE);
        // HttpCore holds an xn-- name decoded and writes it encoded again (Host, :authority, DNS).
        assertThat(request.getAuthority().toString()).matches(VISIBLE)
                .isEqualToIgnoringCase(uri.getRawAuthority().replaceFirst(":$", "")); // "host:" is "host"
    }

    private static void header(String text) {
        RequestBuilder request = new RequestBuilder(() -> null, new RestLatency(), "GET", "http://127.0.0.1/");
        try {
            request.header(text);
        } catch (IllegalArgumentException refused) {
            return;
        }
        String[] field = sent(request).headers().get(0);
        assertThat(field[0]).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
        assertThat(field[1]).matches("([\\x21-\\x7E]([\\t\\x20-\\x7E]*[\\x21-\\x7E])?)?");
    }

    private static void contentType(String text) {
        RequestBuilder request = new RequestBuilder(() -> null, new RestLatency(), "POST", "http://127.0.0.1/");
        try {
            request.body(new byte[0], text);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertThat(sent(request).contentType()).matches("[\\t\\x20-\\x7E]*");
        ContentType.parse(sent(request).contentType());
    }

    private static void escaping(String text) {
        String escaped = Escaping.escape(text);
        // Not one pattern with a repeated group: matching that recurses per repetition, and a long
        // input overflowed the fuzzer's stack.
        assertThat(escaped.replaceAll("%[0-9A-F]{2}", "")).matches("[A-Za-z0-9._~-]*");
        if (wellFormed(text)) {
            assertThat(Escaping.unescape(escaped)).isEqualTo(text);
        }
        Escaping.unescape(text);
    }

    /** Whether UTF-8 can carry it: no unpaired surrogate, which encoders replace with {@code ?}. */
    private static boolean wellFormed(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);
    }

    private static SentRequest sent(RequestBuilder request) {
        return request.toSend(URI.create("http://127.0.0.1/"), Duration.ofSeconds(1));
    }
}
