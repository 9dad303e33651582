package io.switchboard.support.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On a real Jetty server, over its in-memory connector. */
class RequestsInFlightTest {
    private final RequestsInFlight inFlight = new RequestsInFlight();
    /** Requests to /deferred wait here until the test answers them. */
    private final LinkedBlockingQueue<Runnable> deferred = new LinkedBlockingQueue<>();
    private Server server;
    private LocalConnector connector;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        // The outermost handler counts; the one behind answers, or declines and leaves Jetty's 404.
        server.setHandler(new Handler.Wrapper(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getPath();
                if (path.equals("/declined")) {
                    return false;
                }
                Runnable answer = () -> response.write(true, ByteBuffer.wrap("ok".getBytes(StandardCharsets.US_ASCII)),
                        callback);
                if (path.equals("/deferred")) {
                    deferred.add(answer);
                } else {
                    answer.run();
                }
                return true;
            }
        }) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                inFlight.track(request);
                return super.handle(request, response, callback);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aShutdownWithNothingInFlightIsDrainedAtOnce() throws Exception {
        assertThat(connector.getResponse("GET /now HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.1 200");
        assertThat(connector.getResponse("GET /declined HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.1 404");

        // The exchange completes on the server just after the client has the response.
        inFlight.drained().get(10, TimeUnit.SECONDS);
        assertThat(inFlight.describe()).isEmpty();
    }

    @Test
    void aDeferredResponseIsInFlightUntilItIsWrittenAndNamedMeanwhile() throws Exception {
        LocalConnector.LocalEndPoint client = connector.executeRequest("GET /deferred?x=1 HTTP/1.1\r\nHost: test\r\n\r\n");
        try {
            Runnable answer = deferred.poll(10, TimeUnit.SECONDS);
            CompletableFuture<Void> drained = inFlight.drained();

            assertThat(drained).isNotDone();
            assertThat(inFlight.describe()).singleElement().asString().startsWith("GET /deferred?x=1 from ");

            answer.run();
            assertThat(client.getResponse()).startsWith("HTTP/1.1 200");
            drained.get(10, TimeUnit.SECONDS);
            assertThat(inFlight.describe()).isEmpty();
        } finally {
            client.close();
        }
    }
}
