package io.switchboard.mihttp.internal;

import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.mi.MiException;

/**
 * JSON-RPC 2.0 over {@code POST /mi} as OpenSIPS 3's mi_http speaks it, plus batches: every error
 * comes with HTTP 200 except a body over {@code max_request_size} (413); a request that is only
 * notifications is answered 202 with no body. Responses are written as the results are produced.
 * Errors of calls are counted by the {@link Invoker}; those of requests refused before a call, here.
 */
final class JsonRpc {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpc.class);
    static final String CONTENT_TYPE = "application/json";
    /**
     * Digits a number may have: far more than any id or parameter needs, and few enough that turning
     * one into a {@code BigInteger} costs nothing. Exponents are not digits: {@code 1e500000000} passes,
     * and no reader of it may write it out (see {@link io.switchboard.mi.MiParams}).
     */
    static final int MAX_NUMBER_LENGTH = 100;

    private final Invoker invoker;
    private final MiCounters counters;
    private final MiHttpSettings settings;
    private final JsonMapper mapper;

    JsonRpc(Invoker invoker, MiCounters counters, MiHttpSettings settings) {
        this.invoker = invoker;
        this.counters = counters;
        this.settings = settings;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(settings.maxDepth())
                        .maxStringLength(settings.maxRequestSize()).maxNumberLength(MAX_NUMBER_LENGTH).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                // Closing the generator must not send what httpd buffered: a result that fits the buffer
                // then goes out in one write with its Content-Length, not as a chunk and a last chunk.
                .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
                // A result that breaks off must stay visibly cut, not be closed into valid JSON.
                .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                .build();
        // Decimals stay exact, so any number a client sends as an id comes back as it was.
        this.mapper = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    JsonMapper mapper() {
        return mapper;
    }

    void serve(HttpdRequest request, HttpdResponse response, Caller caller) throws IOException {
        // Read whole by httpd before this is called (MiHttp), within max_request_size.
        byte[] body = request.bodyBytes();
        JsonNode tree;
        try {
            int calls = topLevelCalls(body);
            if (calls > settings.maxBatch()) {
                respond(response, 200, error(NullNode.instance, new MiException(MiException.INVALID_REQUEST,
                        "Invalid Request", "a batch of " + calls + " calls exceeds max_batch=" + settings.maxBatch())));
                return;
            }
            tree = body.length == 0 ? null : mapper.readTree(body);
        } catch (JsonProcessingException unparsable) {
            LOG.debug("mi_http: unparsable request from {}: {}", request.remote(), unparsable.getOriginalMessage());
            respond(response, 200, error(NullNode.instance, new MiException(MiException.PARSE_ERROR, "Parse error",
                    Quoted.cut(String.valueOf(unparsable.getOriginalMessage()), Quoted.MAX_ERROR_DATA))));
            return;
        } catch (NumberFormatException | ArithmeticException outOfRange) {
            // An exponent beyond what BigDecimal holds (2^31): Jackson lets the JDK's exception through.
            respond(response, 200, error(NullNode.instance,
                    new MiException(MiException.PARSE_ERROR, "Parse error", "a number is out of range")));
            return;
        } catch (CharConversionException badEncoding) {
            // Jackson guesses UTF-16 or UTF-32 from zero bytes, and fails on a body cut inside a character.
            respond(response, 200, error(NullNode.instance,
                    new MiException(MiException.PARSE_ERROR, "Parse error", "the body is not UTF-8 JSON")));
            return;
        }
        if (tree == null || tree.isMissingNode()) {
            respond(response, 200, error(NullNode.instance,
                    new MiException(MiException.PARSE_ERROR, "Parse error", "the request body is empty")));
            return;
        }
        if (!tree.isArray()) {
            serveOne(JsonRpcCall.of(tree), response, caller);
            return;
        }
        if (tree.isEmpty()) {
            respond(response, 200, error(NullNode.instance,
                    new MiException(MiException.INVALID_REQUEST, "Invalid Request", "the batch is empty")));
            return;
        }
        serveBatch(tree, response, caller);
    }

    private void serveOne(JsonRpcCall call, HttpdResponse response, Caller caller) throws IOException {
        if (call.notification() && call.invalid() == null) {
            run(call, caller);
            response.send(202, CONTENT_TYPE, new byte[0]);
            return;
        }
        response.status(200).contentType(CONTENT_TYPE);
        try (JsonGenerator json = mapper.createGenerator(response.output())) {
            answer(json, call, caller);
        }
    }

    private void serveBatch(JsonNode batch, HttpdResponse response, Caller caller) throws IOException {
        List<JsonRpcCall> calls = new ArrayList<>(batch.size());
        batch.forEach(node -> calls.add(JsonRpcCall.of(node)));
        if (calls.stream().allMatch(call -> call.notification() && call.invalid() == null)) {
            calls.forEach(call -> run(call, caller));
            response.send(202, CONTENT_TYPE, new byte[0]);
            return;
        }
        response.status(200).contentType(CONTENT_TYPE);
        try (JsonGenerator json = mapper.createGenerator(response.output())) {
            json.writeStartArray();
            for (JsonRpcCall call : calls) {
                if (call.notification() && call.invalid() == null) {
                    run(call, caller);
                } else {
                    answer(json, call, caller);
                }
            }
            json.writeEndArray();
        }
    }

    /** Runs a notification: its result and errors go nowhere but the log. */
    private void run(JsonRpcCall call, Caller caller) {
        try {
            Object result = invoker.invoke(caller, call.method(), params(call));
            if (result instanceof io.switchboard.mi.MiStream) {
                LOG.debug("mi_http: streamed result of notification {} discarded", call.method());
            }
        } catch (MiException failed) {
            LOG.debug("mi_http: notification {} failed: {} {}", call.method(), failed.code(), failed.getMessage());
        }
    }

    private void answer(JsonGenerator json, JsonRpcCall call, Caller caller) throws IOException {
        if (call.invalid() != null) {
            writeError(json, call.id(), counted(call.invalid()));
            return;
        }
        Object result;
        try {
            result = invoker.invoke(caller, call.method(), params(call));
        } catch (MiException failed) {
            writeError(json, call.id(), failed);
            return;
        }
        json.writeStartObject();
        json.writeStringField("jsonrpc", "2.0");
        json.writeFieldName("result");
        new JsonResultWriter(json).value(result);
        writeId(json, call.id());
        json.writeEndObject();
    }

    private Object params(JsonRpcCall call) throws MiException {
        try {
            return call.params() == null ? null : mapper.treeToValue(call.params(), Object.class);
        } catch (JsonProcessingException | IllegalArgumentException unconvertible) {
            LOG.debug("mi_http: params of {} not convertible", call.method(), unconvertible);
            throw counted(MiException.invalidParams("the params could not be read"));
        }
    }

    private void respond(HttpdResponse response, int status, byte[] body) throws IOException {
        response.send(status, CONTENT_TYPE, body);
    }

    /** @return the answer to a request refused before any call: {@code failure}, counted */
    private byte[] error(JsonNode id, MiException failure) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = mapper.createGenerator(out)) {
            writeError(json, id, counted(failure));
        }
        return out.toByteArray();
    }

    /** @return {@code failure}, counted: for errors no {@link Invoker} saw */
    private MiException counted(MiException failure) {
        counters.failed(failure.code());
        return failure;
    }

    private static void writeError(JsonGenerator json, JsonNode id, MiException failure) throws IOException {
        json.writeStartObject();
        json.writeStringField("jsonrpc", "2.0");
        json.writeObjectFieldStart("error");
        json.writeNumberField("code", failure.code());
        json.writeStringField("message", Quoted.cut(String.valueOf(failure.getMessage()), Quoted.MAX_ERROR_DATA));
        if (failure.data() instanceof String text) {
            json.writeStringField("data", Quoted.cut(text, Quoted.MAX_ERROR_DATA));
        } else if (failure.data() != null) {
            json.writeFieldName("data");
            new JsonResultWriter(json).value(failure.data());
        }
        json.writeEndObject();
        writeId(json, id);
        json.writeEndObject();
    }

    /**
     * Counts the calls of a batch with the streaming parser before any tree is built, so a body of a
     * million tiny calls costs no more memory than its bytes.
     *
     * @return the number of elements of a top-level array, or 1 for anything else
     */
    private int topLevelCalls(byte[] body) throws IOException {
        if (startsObject(body)) {
            return 1;
        }
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return 1;
            }
            int calls = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                calls++;
                parser.skipChildren();
            }
            return calls;
        }
    }

    /**
     * @return whether the body is plainly one call: its first byte that is not JSON white space opens an
     *         object. Anything else (a byte order mark, UTF-16) goes through the parser, which knows.
     */
    private static boolean startsObject(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    /** Writes the id as given, without going through databind's serializers for one scalar. */
    private static void writeId(JsonGenerator json, JsonNode id) throws IOException {
        json.writeFieldName("id");
        if (id.isTextual()) {
            json.writeString(id.textValue());
        } else if (id.isIntegralNumber() && id.canConvertToLong()) {
            json.writeNumber(id.longValue());
        } else if (id.isIntegralNumber()) {
            json.writeNumber(id.bigIntegerValue());
        } else if (id.isNumber()) {
            json.writeNumber(id.decimalValue());
        } else {
            json.writeNull();
        }
    }
}
