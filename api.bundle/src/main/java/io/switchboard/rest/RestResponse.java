package io.switchboard.rest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a server answered.
 *
 * @param status the status code; 0 when no reply arrived
 * @param contentType the {@code Content-Type}, or {@code null}
 * @param headers every header with all its values
 * @param body the body, or the part of it that arrived
 */
public record RestResponse(int status, String contentType, Map<String, List<String>> headers, byte[] body) {

    /** @return the body decoded as UTF-8 */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
