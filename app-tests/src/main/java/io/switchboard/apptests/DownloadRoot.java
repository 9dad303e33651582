package io.switchboard.apptests;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.service.component.annotations.Component;

import io.switchboard.httpd.HttpdModule;
import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.httpd.HttpdRoot;
import io.switchboard.httpd.RootHandler;

/**
 * {@code GET /download/N}: N bytes, byte i being {@code i % 251}, so that a client can tell a byte
 * lost or out of place from the count alone.
 */
@Component
@HttpdRoot("download")
@HttpdModule("app-tests")
public class DownloadRoot implements RootHandler {
    private static final int CHUNK = 64 * 1024;

    @Override
    public void handle(HttpdRequest request, HttpdResponse response) throws IOException {
        long size;
        try {
            size = Long.parseLong(request.path().replace("/", ""));
        } catch (NumberFormatException notASize) {
            response.send(400, "text/plain", "GET /download/N, N a number of bytes\n");
            return;
        }
        response.status(200).contentType("application/octet-stream").contentLength(size);
        OutputStream out = response.output();
        byte[] chunk = new byte[CHUNK];
        for (long sent = 0; sent < size; sent += chunk.length) {
            int length = (int) Math.min(chunk.length, size - sent);
            for (int i = 0; i < length; i++) {
                chunk[i] = (byte) ((sent + i) % 251);
            }
            out.write(chunk, 0, length);
        }
        response.complete();
    }
}
