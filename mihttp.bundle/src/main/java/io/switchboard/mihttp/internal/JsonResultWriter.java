package io.switchboard.mihttp.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;

import io.switchboard.mi.MiJsonWriter;
import io.switchboard.mi.MiStream;

/**
 * Writes command results, trees and streams alike, straight into the response's JSON generator, so
 * nothing is buffered beyond the generator's own buffer and httpd's {@code buf_size}.
 */
final class JsonResultWriter implements MiJsonWriter {
    private final JsonGenerator json;

    JsonResultWriter(JsonGenerator json) {
        this.json = json;
    }

    @Override
    public MiJsonWriter startObject() throws IOException {
        json.writeStartObject();
        return this;
    }

    @Override
    public MiJsonWriter endObject() throws IOException {
        json.writeEndObject();
        return this;
    }

    @Override
    public MiJsonWriter startArray() throws IOException {
        json.writeStartArray();
        return this;
    }

    @Override
    public MiJsonWriter endArray() throws IOException {
        json.writeEndArray();
        return this;
    }

    @Override
    public MiJsonWriter name(String name) throws IOException {
        json.writeFieldName(name);
        return this;
    }

    @Override
    public MiJsonWriter flush() throws IOException {
        json.flush();
        // The generator keeps flushes to itself (JsonRpc): a command that asks for one gets it sent.
        if (json.getOutputTarget() instanceof OutputStream out) {
            out.flush();
        }
        return this;
    }

    /**
     * Writes any value of a command result. Types outside the JSON tree are written as their
     * {@code toString()}, so a command returning, say, an enum still gives a readable result.
     */
    @Override
    public MiJsonWriter value(Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof CharSequence text) {
            json.writeString(text.toString());
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            writeFloating(((Number) value).doubleValue());
        } else if (value instanceof BigInteger big) {
            json.writeNumber(big);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                value(entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                value(item);
            }
            json.writeEndArray();
        } else if (value.getClass().isArray()) {
            json.writeStartArray();
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                value(Array.get(value, i));
            }
            json.writeEndArray();
        } else if (value instanceof Optional<?> optional) {
            value(optional.orElse(null));
        } else if (value instanceof MiStream stream) {
            stream.writeTo(this);
        } else {
            json.writeString(value.toString());
        }
        return this;
    }

    private void writeFloating(double number) throws IOException {
        // JSON has no NaN or infinity.
        if (Double.isFinite(number)) {
            json.writeNumber(number);
        } else {
            json.writeString(Double.toString(number));
        }
    }
}
