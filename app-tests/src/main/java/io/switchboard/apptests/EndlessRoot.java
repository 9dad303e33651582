package io.switchboard.apptests;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;

import io.switchboard.httpd.HttpdModule;
import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.httpd.HttpdRoot;
import io.switchboard.httpd.RootHandler;

/** {@code GET /endless}: a response that never ends, a line every 50 ms until the connection goes. */
@Component
@HttpdRoot("endless")
@HttpdModule("app-tests")
public class EndlessRoot implements RootHandler {
    private static final long PACE_MILLIS = 50;

    @Override
    public void handle(HttpdRequest request, HttpdResponse response) throws IOException {
        response.status(200).contentType("text/plain");
        OutputStream out = response.output();
        byte[] line = new byte[64];
        Arrays.fill(line, (byte) 'x');
        line[line.length - 1] = '\n';
        try {
            while (true) {
                out.write(line);
                out.flush();
                TimeUnit.MILLISECONDS.sleep(PACE_MILLIS);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
