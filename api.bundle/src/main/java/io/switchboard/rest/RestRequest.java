package io.switchboard.rest;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/** One request being put together; send it once. */
@ProviderType
public interface RestRequest {

    /**
     * {@code rest_append_hf}: adds a header written as {@code Name: value}.
     *
     * @throws IllegalArgumentException when it is not {@code Name: value} or holds CR or LF
     */
    RestRequest header(String field);

    /**
     * @param body the body, sent as UTF-8
     * @param contentType its type; {@code null} for {@link RestClient#DEFAULT_CONTENT_TYPE}
     */
    RestRequest body(String body, String contentType);

    /** @param contentType {@code null} for {@link RestClient#DEFAULT_CONTENT_TYPE} */
    RestRequest body(byte[] body, String contentType);

    /** Overrides {@code curl_timeout} (the whole transfer, connect included) for this request. */
    RestRequest timeout(Duration transfer);

    /** Overrides {@code connection_timeout} for this request. */
    RestRequest connectTimeout(Duration connect);

    /** Sends and waits for the whole response. */
    RestResponse send() throws RestException;

    /** Sends without waiting; the stage fails with a {@link RestException}. */
    CompletionStage<RestResponse> sendAsync();
}
