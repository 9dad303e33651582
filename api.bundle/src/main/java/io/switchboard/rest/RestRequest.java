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

    /**
     * {@code rest_init_client_tls}: sends this request through the named TLS client domain (factory
     * PID {@code switchboard.rest_client.tls}), whose client certificate, trust and verification flags
     * then apply. A name no valid domain carries fails the request with {@link RestException#INTERNAL}.
     *
     * @param name the domain's {@code name}; {@code null} for the client's own TLS settings
     * @since 1.1
     */
    RestRequest tlsDomain(String name);

    /** Sends and waits for the whole response. */
    RestResponse send() throws RestException;

    /** Sends without waiting; the stage fails with a {@link RestException}. */
    CompletionStage<RestResponse> sendAsync();
}
