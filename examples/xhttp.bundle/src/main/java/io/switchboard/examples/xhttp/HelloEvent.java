package io.switchboard.examples.xhttp;

import org.osgi.service.component.annotations.Component;

import io.switchboard.xhttp.EventCallback;
import io.switchboard.xhttp.HttpEvent;
import io.switchboard.xhttp.HttpEventHandler;

/**
 * Kamailio's {@code event_route[xhttp:request] { xhttp_reply("200", "OK", "text/plain", "hello"); }},
 * for both routes: requests no httpd root claims, and requests to the microhttpd listener. It
 * replies at once and never blocks, and says so, so microhttpd may run it on its I/O thread.
 */
@Component(property = HttpEventHandler.NON_BLOCKING + ":Boolean=true")
@EventCallback("hello")
public class HelloEvent implements HttpEventHandler {

    @Override
    public void handle(HttpEvent event) {
        event.reply(200, "OK", "text/plain", "hello");
    }
}
