package io.switchboard.rest.internal;

import java.nio.charset.StandardCharsets;

import org.apache.hc.core5.net.PercentCodec;

/** rest.escape and rest.unescape: RFC 3986 percent-encoding of UTF-8, by HttpCore's codec. */
final class Escaping {
    private Escaping() {
    }

    static String escape(String text) {
        return PercentCodec.RFC3986.encode(text);
    }

    static String unescape(String text) {
        return PercentCodec.decode(text, StandardCharsets.UTF_8);
    }
}
