package io.switchboard.rest;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a server answered.
 *
 * @param status the status code; 0 when no reply arrived
 * @param contentType the {@code Content-Type}, or {@code null}
 * @param headers every header with all its values, by name in any case ({@code content-type} finds
 *        {@code Content-Type}: HTTP/2 sends names in lower case); it cannot be changed
 * @param body the body, or the part of it that arrived
 */
public record RestResponse(int status, String contentType, Map<String, List<String>> headers, byte[] body) {

    /** Takes a copy of {@code headers} that cannot be changed and ignores the case of names. */
    public RestResponse {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values),
                (first, more) -> Stream.concat(first.stream(), more.stream()).toList()));
        headers = Collections.unmodifiableMap(copy);
    }

    /** @return the first value of header {@code name}, in any case, if the server sent it */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return the body decoded as UTF-8 */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
