package io.switchboard.itest.httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Handlers;
import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * httpd answers in front of Pax Web's servlet contexts: roots first, then the fallback, and only
 * what neither claims reaches the servlets other bundles register on Pax Web's whiteboard.
 */
class WhiteboardServletTest {
    @InjectBundleContext
    BundleContext context;

    @Test
    void aWhiteboardServletGetsWhatNoRootClaims() throws Exception {
        int port = Httpd.port();
        ServiceRegistration<?> owned = Handlers.register(context, "owned", Handlers.echo("owned"));
        assertThat(Loopback.get(port, "/legacy/x").body()).contains("no handler for root /legacy");

        ServiceRegistration<Servlet> servlet = context.registerService(Servlet.class, new LegacyServlet(),
                new Hashtable<>(Map.of(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN,
                        new String[] { "/legacy/*", "/owned/*" })));
        try {
            HttpResponse<String> served = awaitStatus(port, "/legacy/x", 200);
            assertThat(served.body()).isEqualTo("servlet /legacy/x");
            // A root stays httpd's even where a servlet pattern covers it.
            assertThat(Loopback.get(port, "/owned/x").body()).isEqualTo("owned|owned|/x|");
            assertThat(Loopback.get(port, "/neither").statusCode()).isEqualTo(404);
        } finally {
            servlet.unregister();
            owned.unregister();
        }
        assertThat(awaitStatus(port, "/legacy/x", 404).body()).contains("no handler for root /legacy");
    }

    @Test
    void aWhiteboardResourceUnderAnyInterfaceCounts() throws Exception {
        int port = Httpd.port();
        assertThat(Loopback.get(port, "/static/x").body()).contains("no handler for root /static");
        Runnable marker = () -> { };
        ServiceRegistration<Runnable> resource = context.registerService(Runnable.class, marker, new Hashtable<>(Map.of(
                HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN, "/static/*",
                HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX, "/no-such-folder")));
        try {
            // Pax Web answers now (its own 404 for a resource it cannot find), not httpd.
            assertThat(awaitStatus(port, "/static/x", 404).body()).doesNotContain("no handler for root");
        } finally {
            resource.unregister();
        }
        assertThat(Loopback.get(port, "/static/x").body()).contains("no handler for root /static");
    }

    private static HttpResponse<String> awaitStatus(int port, String path, int status) throws Exception {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        Configs.await(path + " answering " + status, Duration.ofSeconds(10), () -> {
            last.set(Loopback.get(port, path));
            return last.get().statusCode() == status;
        });
        return last.get();
    }

    private static final class LegacyServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print("servlet " + request.getRequestURI());
        }
    }
}
