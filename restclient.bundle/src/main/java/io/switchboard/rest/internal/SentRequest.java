package io.switchboard.rest.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What one send of a request carries, fixed when it is sent: the builder it came from may be used
 * again without changing a request that waits for its slot.
 *
 * @param method the HTTP method
 * @param url the URL as the caller gave it, for messages
 * @param uri the URL, checked
 * @param headers the extra header lines, each {@code {name, value}}; arrays never changed in place
 * @param body the body, or {@code null}
 * @param contentType the body's content type, or {@code null} for the default
 * @param transferTimeout the effective {@code curl_timeout}
 * @param connectTimeout the request's own {@code connection_timeout}, or {@code null} for the client's
 */
record SentRequest(String method, String url, URI uri, List<String[]> headers, byte[] body, String contentType,
        Duration transferTimeout, Duration connectTimeout) {
}
