package io.switchboard.examples.hello;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import io.switchboard.httpd.HttpdModule;
import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.httpd.HttpdRoot;
import io.switchboard.httpd.RootHandler;

/**
 * Answers {@code GET /hello} with a greeting, and {@code /hello/NAME} with one for NAME.
 */
@Component
@HttpdRoot("hello")
@HttpdModule("hello")
public class HelloRoot implements RootHandler {

    @Override
    public void handle(HttpdRequest request, HttpdResponse response) throws IOException {
        String name = request.path().replace("/", "");
        response.send(200, "text/plain", "hello" + (name.isEmpty() ? "" : ", " + name) + "\n");
    }
}
