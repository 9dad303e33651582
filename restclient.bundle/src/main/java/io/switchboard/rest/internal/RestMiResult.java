package io.switchboard.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.mi.MiException;
import io.switchboard.mi.MiParams;
import io.switchboard.rest.RestClient;
import io.switchboard.rest.RestException;
import io.switchboard.rest.RestResponse;

/**
 * What the MI commands rest_get, rest_post and rest_put answer: {@code {"rc": 1 or the seed's
 * negative code, "status": ..., "content_type": ..., "body": ...}}, plus {@code error} when the
 * transfer failed. A failed transfer is a result, not an MI error: it is what the operator asked to see.
 */
final class RestMiResult {
    static final String URL = "url";
    static final String BODY = "body";
    static final String CONTENT_TYPE = "content_type";

    private RestMiResult() {
    }

    static Map<String, Object> send(RestClient rest, String method, MiParams params) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            var request = rest.request(method, params.string(URL));
            if (params.has(BODY)) {
                request.body(params.string(BODY), params.optionalString(CONTENT_TYPE).orElse(null));
            }
            return describe(result, 1, request.send(), null);
        } catch (RestException failed) {
            return describe(result, failed.code(), failed.partial(), failed.getMessage());
        } catch (IllegalArgumentException badRequest) {
            throw MiException.invalidParams(badRequest.getMessage());
        }
    }

    private static Map<String, Object> describe(Map<String, Object> result, int rc, RestResponse response,
            String error) {
        result.put("rc", rc);
        result.put("status", response == null ? 0 : response.status());
        result.put("content_type", response == null ? "" : response.contentType());
        result.put("body", response == null ? "" : response.bodyText());
        if (error != null) {
            result.put("error", error);
        }
        return result;
    }
}
