package io.switchboard.mihttp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.switchboard.mi.MiException;

/**
 * One call of a JSON-RPC 2.0 request or batch, checked: either a method to run with its parameters,
 * or the error the call gets instead ({@code invalid}). A call without {@code id} is a notification;
 * an invalid call is answered even then, with {@code id} null, as the specification's examples are.
 */
record JsonRpcCall(JsonNode id, boolean notification, String method, JsonNode params, MiException invalid) {

    static JsonRpcCall of(JsonNode node) {
        if (!node.isObject()) {
            return invalid(NullNode.instance, "a call must be an object, not " + node.getNodeType().name().toLowerCase());
        }
        JsonNode id = node.get("id");
        boolean notification = id == null;
        if (id != null && !id.isTextual() && !id.isNumber() && !id.isNull()) {
            return invalid(NullNode.instance, "id must be a string, a number or null");
        }
        JsonNode answerId = id == null ? NullNode.instance : id;
        JsonNode version = node.get("jsonrpc");
        if (version == null || !version.isTextual() || !version.asText().equals("2.0")) {
            return invalid(answerId, "jsonrpc must be \"2.0\"");
        }
        JsonNode method = node.get("method");
        if (method == null || !method.isTextual() || method.asText().isEmpty()) {
            return invalid(answerId, "method must be a non-empty string");
        }
        JsonNode params = node.get("params");
        if (params != null && !params.isObject() && !params.isArray()) {
            return invalid(answerId, "params must be an object or an array");
        }
        for (var names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("jsonrpc") && !name.equals("method") && !name.equals("params") && !name.equals("id")) {
                return invalid(answerId, "unknown member \"" + Quoted.text(name) + "\"");
            }
        }
        return new JsonRpcCall(answerId, notification, method.asText(), params, null);
    }

    private static JsonRpcCall invalid(JsonNode id, String detail) {
        return new JsonRpcCall(id, false, null, null,
                new MiException(MiException.INVALID_REQUEST, "Invalid Request", detail));
    }
}
