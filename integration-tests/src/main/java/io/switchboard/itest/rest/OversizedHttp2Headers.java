package io.switchboard.itest.rest;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hostile HTTP/2 upstream in the clear (prior knowledge) on 127.0.0.1 that ignores the client's
 * SETTINGS_MAX_HEADER_LIST_SIZE: it answers every request with a header block of {@code fields} fields
 * of {@code size} bytes each, in HEADERS and CONTINUATION frames, and never a body. Jetty would not:
 * it keeps to the size the client announced and resets the stream instead.
 */
final class OversizedHttp2Headers extends RawUpstream {
    private static final int PREFACE = 24;
    private static final int FRAME = 16384;
    private static final int HEADERS = 0x1;
    private static final int SETTINGS = 0x4;
    private static final int CONTINUATION = 0x9;
    private static final int END_HEADERS = 0x4;
    private static final int ACK = 0x1;
    private final byte[] block;

    OversizedHttp2Headers(int fields, int size) throws IOException {
        super("oversized-h2");
        block = headerBlock(fields, size);
        start();
    }

    @Override
    void serve(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        in.readFully(new byte[PREFACE]);
        frame(out, SETTINGS, 0, 0, new byte[0]);
        while (true) {
            int length = in.readUnsignedShort() << 8 | in.readUnsignedByte();
            int type = in.readUnsignedByte();
            int flags = in.readUnsignedByte();
            int stream = in.readInt() & 0x7fffffff;
            in.readFully(new byte[length]);
            if (type == SETTINGS && (flags & ACK) == 0) {
                frame(out, SETTINGS, ACK, 0, new byte[0]);
            } else if (type == HEADERS) {
                answer(out, stream);
            }
        }
    }

    private void answer(OutputStream out, int stream) throws IOException {
        for (int at = 0; at < block.length; at += FRAME) {
            int end = Math.min(block.length, at + FRAME);
            frame(out, at == 0 ? HEADERS : CONTINUATION, end == block.length ? END_HEADERS : 0, stream,
                    Arrays.copyOfRange(block, at, end));
        }
        out.flush();
    }

    private static void frame(OutputStream out, int type, int flags, int stream, byte[] payload) throws IOException {
        out.write(new byte[] { (byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length,
                (byte) type, (byte) flags, (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8),
                (byte) stream });
        out.write(payload);
    }

    /** {@code :status: 200} from the static table, then literal fields without indexing (RFC 7541, 6.2.2). */
    private static byte[] headerBlock(int fields, int size) {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(0x88);
        byte[] value = "v".repeat(size).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < fields; i++) {
            block.write(0x00);
            string(block, ("x-filler-" + i).getBytes(StandardCharsets.US_ASCII));
            string(block, value);
        }
        return block.toByteArray();
    }

    /** A string literal without Huffman coding: its length as a 7-bit prefix integer, then its bytes. */
    private static void string(ByteArrayOutputStream block, byte[] text) {
        int length = text.length;
        if (length < 127) {
            block.write(length);
        } else {
            block.write(127);
            for (length -= 127; length >= 128; length >>>= 7) {
                block.write(length % 128 + 128);
            }
            block.write(length);
        }
        block.writeBytes(text);
    }
}
