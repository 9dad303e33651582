package io.switchboard.mihttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A result goes to httpd's buffer and out when the response completes, in one write with its
 * Content-Length; only a command that asks for a flush gets one.
 */
class JsonRpcFlushTest {

    /** Counts the flushes that reach httpd's stream. */
    private static final class Counting extends ByteArrayOutputStream {
        int flushes;

        @Override
        public void flush() {
            flushes++;
        }
    }

    private JsonRpc jsonRpc;

    @BeforeEach
    void jsonRpc() throws Exception {
        MiCounters counters = new MiCounters();
        jsonRpc = new JsonRpc(new Invoker(Commands.registry(counters), counters), counters, Settings.defaults());
    }

    @Test
    void closingTheGeneratorWritesTheResultWithoutFlushingIt() throws Exception {
        Counting out = new Counting();
        try (JsonGenerator json = jsonRpc.mapper().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("jsonrpc", "2.0");
            json.writeEndObject();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"jsonrpc\":\"2.0\"}");
        assertThat(out.flushes).isZero();
    }

    @Test
    void aCommandThatFlushesGetsItsBytesFlushed() throws Exception {
        Counting out = new Counting();
        try (JsonGenerator json = jsonRpc.mapper().createGenerator(out)) {
            JsonResultWriter writer = new JsonResultWriter(json);
            json.writeStartArray();
            json.writeString("first");
            writer.flush();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[\"first\"");
            assertThat(out.flushes).isEqualTo(1);
            json.writeEndArray();
        }
        assertThat(out.flushes).isEqualTo(1);
    }
}
