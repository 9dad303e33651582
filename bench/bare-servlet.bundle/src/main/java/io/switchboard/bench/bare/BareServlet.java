package io.switchboard.bench.bare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The baseline for bench/httpd.sh: the cheapest answer Pax Web can give on the port Switchboard
 * uses, so the difference to {@code /hello} is the cost of Switchboard's dispatch.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/bare")
@HttpWhiteboardServletName("switchboard.bench.bare")
public class BareServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final byte[] BODY = "hello".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
