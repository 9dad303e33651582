package io.switchboard.xhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.xhttp.HttpEventHandler;

/**
 * The fallback's continuation once a body arrived: after deactivation it calls no handler, and
 * whatever throws in it still ends the response. httpd, the framework and the request are stand-ins
 * recording what xhttp does with them.
 */
class XhttpLateBodyTest {
    private final AtomicInteger handled = new AtomicInteger();
    private final XhttpStatistics statistics = new XhttpStatistics();
    private final Xhttp xhttp = new Xhttp(context(), statistics);
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private boolean deactivated;

    @AfterEach
    void deactivate() throws InterruptedException {
        if (!deactivated) {
            xhttp.deactivate();
        }
    }

    @Test
    void aBodyArrivingAfterDeactivationIsAnswered503AndNoHandlerIsCalled() throws Exception {
        activateWith(event -> {
            handled.incrementAndGet();
            event.reply(200, "OK", "text/plain", "handled");
        });
        FakeResponse response = new FakeResponse();
        xhttp.handle(request(10), response);
        xhttp.deactivate();
        deactivated = true;

        body.complete("late body".getBytes(StandardCharsets.UTF_8));

        assertThat(handled).hasValue(0);
        assertThat(response.status).isEqualTo(503);
        assertThat(response.headers).containsEntry("Retry-After", "1");
        assertThat(response.completed()).isTrue();
        assertThat(statistics.values()).containsEntry("events", 0L).containsEntry("5xx", 1L);
    }

    @Test
    void aBodyArrivingBeforeDeactivationIsRaised() throws Exception {
        activateWith(event -> {
            handled.incrementAndGet();
            event.reply(200, "OK", "text/plain", event.bodyText());
        });
        FakeResponse response = new FakeResponse();
        xhttp.handle(request(4), response);
        body.complete("body".getBytes(StandardCharsets.UTF_8));

        assertThat(handled).hasValue(1);
        assertThat(response.status).isEqualTo(200);
        assertThat(response.body()).isEqualTo("body");
    }

    @Test
    void aContinuationThatThrowsEndsTheResponseWith500() throws Exception {
        activateWith(event -> handled.incrementAndGet()); // replies later: the response must be deferred
        FakeResponse response = new FakeResponse() {
            @Override
            public void defer() {
                throw new IllegalStateException("httpd completed the response meanwhile");
            }
        };
        xhttp.handle(request(4), response);
        body.complete("body".getBytes(StandardCharsets.UTF_8));

        assertThat(handled).hasValue(1);
        assertThat(response.status).isEqualTo(500);
        assertThat(response.completed()).isTrue();
    }

    @Test
    void aRequestNoOneTakesWithItsBodyUnreadClosesTheConnection() throws Exception {
        activateWith(event -> handled.incrementAndGet());
        xhttp.modified(config(Map.of("event__callback", "missing")), Map.of());
        FakeResponse unhandled = new FakeResponse();
        xhttp.handle(request(10), unhandled);
        assertThat(unhandled.status).isEqualTo(503);
        assertThat(unhandled.headers).containsEntry("Connection", "close");

        xhttp.modified(config(Map.of("url__skip", "^/skipped")), Map.of());
        FakeResponse skipped = new FakeResponse();
        xhttp.handle(request("/skipped", -1, true), skipped);
        assertThat(skipped.status).isEqualTo(404);
        assertThat(skipped.headers).containsEntry("Connection", "close");

        FakeResponse noBody = new FakeResponse();
        xhttp.handle(request("/skipped", 0, false), noBody);
        assertThat(noBody.status).isEqualTo(404);
        assertThat(noBody.headers).doesNotContainKey("Connection");
        assertThat(handled).hasValue(0);
        assertThat(statistics.values()).containsEntry("events", 0L).containsEntry("no_handler", 1L)
                .containsEntry("5xx", 1L).containsEntry("skipped_url_skip", 2L).containsEntry("4xx", 2L)
                .containsEntry("skipped_url_match", 0L);
    }

    private void activateWith(HttpEventHandler handler) {
        xhttp.bindHttpEventHandler(handler, reference(Map.of("service.id", 1L)));
        xhttp.activate(config(Map.of()), Map.of());
    }

    private HttpdRequest request(long contentLength) {
        return request("/hook", contentLength, false);
    }

    /** A POST whose body is {@link #body}, to complete when the test says it arrived. */
    private HttpdRequest request(String url, long contentLength, boolean chunked) {
        return (HttpdRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpdRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                case "method" -> "POST";
                case "url" -> url;
                case "protocol" -> "HTTP/1.1";
                case "contentLength" -> contentLength;
                case "header" -> Optional.ofNullable(chunked && "Transfer-Encoding".equals(args[0]) ? "chunked" : null);
                case "headerNames" -> List.of();
                case "readBody" -> body;
                case "remote" -> new InetSocketAddress("127.0.0.1", 40000);
                case "sourceAddress" -> "127.0.0.1";
                case "sourcePort" -> 40000;
                case "toString" -> "POST " + url;
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<HttpEventHandler> reference(Map<String, Object> properties) {
        return (ServiceReference<HttpEventHandler>) Proxy.newProxyInstance(XhttpLateBodyTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getProperty" -> properties.get(args[0]);
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A framework that registers every service without telling anyone. */
    private static BundleContext context() {
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                XhttpLateBodyTest.class.getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                (proxy, method, args) -> null);
        return (BundleContext) Proxy.newProxyInstance(XhttpLateBodyTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("registerService")) {
                        return registration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The configuration's defaults, with {@code overrides} by method name. */
    private static XhttpConfiguration config(Map<String, Object> overrides) {
        return (XhttpConfiguration) Proxy.newProxyInstance(XhttpLateBodyTest.class.getClassLoader(),
                new Class<?>[] {XhttpConfiguration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return XhttpConfiguration.class;
                    }
                    Object value = overrides.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }

    /** What httpd's response would send, recorded. */
    private static class FakeResponse implements HttpdResponse {
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        private boolean completed;

        @Override
        public HttpdResponse status(int code) {
            status = code;
            return this;
        }

        @Override
        public HttpdResponse contentType(String contentType) {
            headers.put("Content-Type", contentType);
            return this;
        }

        @Override
        public HttpdResponse header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        @Override
        public HttpdResponse contentLength(long length) {
            headers.put("Content-Length", Long.toString(length));
            return this;
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public void send(int code, String contentType, byte[] body) {
            if (completed) {
                throw new IllegalStateException("completed");
            }
            status(code).contentType(contentType);
            output.writeBytes(body);
            complete();
        }

        @Override
        public void defer() {
            // the test completes the body, and a handler replies, on this thread
        }

        @Override
        public void complete() {
            completed = true;
        }

        @Override
        public boolean committed() {
            return completed;
        }

        @Override
        public boolean completed() {
            return completed;
        }

        String body() {
            return output.toString(StandardCharsets.UTF_8);
        }
    }
}
