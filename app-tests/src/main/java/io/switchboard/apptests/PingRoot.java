package io.switchboard.apptests;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import io.switchboard.httpd.HttpdModule;
import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.httpd.HttpdRoot;
import io.switchboard.httpd.RootHandler;

/** {@code GET /ping}: {@code pong}; a root only the test that counts its requests calls. */
@Component
@HttpdRoot("ping")
@HttpdModule("app-tests")
public class PingRoot implements RootHandler {

    @Override
    public void handle(HttpdRequest request, HttpdResponse response) throws IOException {
        response.send(200, "text/plain", "pong\n");
    }
}
