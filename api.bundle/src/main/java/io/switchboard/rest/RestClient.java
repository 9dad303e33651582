package io.switchboard.rest;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * HTTP requests as OpenSIPS rest_client makes them. Blocking calls throw {@link RestException};
 * asynchronous ones complete exceptionally with it. Connections are pooled and reused per host.
 */
@ProviderType
public interface RestClient {

    /** The content type of a body sent without one (rest_post's {@code send_ctype} default). */
    String DEFAULT_CONTENT_TYPE = "application/x-www-form-urlencoded";

    /**
     * @param method the HTTP method, for example {@code GET} or {@code DELETE}
     * @param url an {@code http} or {@code https} URL
     * @return a request to complete and send
     */
    RestRequest request(String method, String url);

    /** {@code rest_get}: a blocking GET. */
    default RestResponse get(String url) throws RestException {
        return request("GET", url).send();
    }

    /** {@code rest_post}: a blocking POST; {@code contentType} {@code null} for {@link #DEFAULT_CONTENT_TYPE}. */
    default RestResponse post(String url, String body, String contentType) throws RestException {
        return request("POST", url).body(body, contentType).send();
    }

    /** {@code rest_put}: a blocking PUT; {@code contentType} {@code null} for {@link #DEFAULT_CONTENT_TYPE}. */
    default RestResponse put(String url, String body, String contentType) throws RestException {
        return request("PUT", url).body(body, contentType).send();
    }

    /** A blocking PATCH; {@code contentType} {@code null} for {@link #DEFAULT_CONTENT_TYPE}. */
    default RestResponse patch(String url, String body, String contentType) throws RestException {
        return request("PATCH", url).body(body, contentType).send();
    }

    /** A blocking DELETE. */
    default RestResponse delete(String url) throws RestException {
        return request("DELETE", url).send();
    }

    /** A blocking HEAD. */
    default RestResponse head(String url) throws RestException {
        return request("HEAD", url).send();
    }

    /** Asynchronous {@code rest_get}. */
    default CompletionStage<RestResponse> getAsync(String url) {
        return request("GET", url).sendAsync();
    }

    /** Asynchronous {@code rest_post}. */
    default CompletionStage<RestResponse> postAsync(String url, String body, String contentType) {
        return request("POST", url).body(body, contentType).sendAsync();
    }

    /** Asynchronous {@code rest_put}. */
    default CompletionStage<RestResponse> putAsync(String url, String body, String contentType) {
        return request("PUT", url).body(body, contentType).sendAsync();
    }

    /** An asynchronous PATCH; {@code contentType} {@code null} for {@link #DEFAULT_CONTENT_TYPE}. */
    default CompletionStage<RestResponse> patchAsync(String url, String body, String contentType) {
        return request("PATCH", url).body(body, contentType).sendAsync();
    }

    /** An asynchronous DELETE. */
    default CompletionStage<RestResponse> deleteAsync(String url) {
        return request("DELETE", url).sendAsync();
    }

    /**
     * {@code rest.escape}: percent-encodes everything but RFC 3986's unreserved characters, so
     * {@code call@example.com&safe=false} becomes {@code call%40example.com%26safe%3Dfalse}.
     */
    String escape(String text);

    /** {@code rest.unescape}: decodes percent-encoding, so {@code 1%2B1%3D2%21} becomes {@code 1+1=2!}. */
    String unescape(String text);
}
