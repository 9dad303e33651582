package io.switchboard.rest.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.rest.RestClient;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/**
 * Gogo commands {@code rest:rest_get}, {@code rest:rest_post} and {@code rest:rest_put}, so an operator
 * can try an endpoint from the container. Each prints rest_client's return code, the status, the
 * content type and the body.
 */
@Component(service = RestCommands.class, property = { "osgi.command.scope=rest", "osgi.command.function=rest_get",
        "osgi.command.function=rest_post", "osgi.command.function=rest_put" })
public final class RestCommands {
    private final RestClient rest;

    @Activate
    public RestCommands(@Reference RestClient rest) {
        this.rest = rest;
    }

    public String rest_get(String url) {
        return run(() -> rest.get(url));
    }

    public String rest_post(String url, String body, String contentType) {
        return run(() -> rest.post(url, body, contentType));
    }

    public String rest_post(String url, String body) {
        return rest_post(url, body, null);
    }

    public String rest_put(String url, String body, String contentType) {
        return run(() -> rest.put(url, body, contentType));
    }

    public String rest_put(String url, String body) {
        return rest_put(url, body, null);
    }

    private interface Call {
        RestResponse call() throws RestException;
    }

    private static String run(Call call) {
        try {
            return format(1, call.call(), null);
        } catch (RestException failed) {
            return format(failed.code(), failed.partial(), failed.getMessage());
        }
    }

    static String format(int rc, RestResponse response, String error) {
        StringBuilder out = new StringBuilder("rc: ").append(rc).append('\n');
        if (error != null) {
            out.append("error: ").append(error).append('\n');
        }
        out.append("status: ").append(response == null ? 0 : response.status()).append('\n');
        out.append("content_type: ").append(response == null ? "" : response.contentType()).append('\n');
        out.append("body: ").append(response == null ? "" : response.bodyText());
        return out.toString();
    }
}
