package io.switchboard.health.internal;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.httpd.RootHandler;
import io.switchboard.support.log.RateLimitedLog;

/**
 * {@code GET /health} (and {@code HEAD}, as load balancers send it): the status Felix's servlet would
 * answer for the checks' overall result, and their JSON. No credentials: a load balancer has none, so
 * only {@code allowed_ips} limits who asks. The answer waits for the checks without holding a server
 * thread, and is never cached.
 */
final class HealthRoot implements RootHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoot.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<HealthSettings> settings;
    private final Supplier<CompletableFuture<HealthReport>> reports;
    /** Refusals, limited per client: a load balancer left out of allowed_ips asks every second. */
    private final RateLimitedLog refusals = new RateLimitedLog(LOG, "health refusal");

    HealthRoot(Supplier<HealthSettings> settings, Supplier<CompletableFuture<HealthReport>> reports) {
        this.settings = settings;
        this.reports = reports;
    }

    @Override
    public void handle(HttpdRequest request, HttpdResponse response) throws IOException {
        HealthSettings current = settings.get();
        if (!current.allowedIps().allows(request.remote())) {
            refusals.warn(request.sourceAddress(), "health: refused {} {} from {}: not in allowed_ips of {}",
                    request.method(), request.url(), request.remote(), HealthSettings.PID);
            response.send(403, "text/plain", "Forbidden: this client is not in allowed_ips of " + HealthSettings.PID
                    + "\n");
        } else if (!request.path().isEmpty() && !request.path().equals("/")) {
            response.send(404, "text/plain", "Not Found: the health has no page " + request.url() + "\n");
        } else if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            response.header("Allow", "GET, HEAD");
            response.send(405, "text/plain", "Method Not Allowed: use GET or HEAD\n");
        } else {
            response.defer();
            reports.get().whenComplete((report, failure) -> answer(request, response, report, failure));
        }
    }

    private static void answer(HttpdRequest request, HttpdResponse response, HealthReport report, Throwable failure) {
        try {
            response.header("Cache-Control", "no-store");
            if (failure != null) {
                LOG.error("health: the checks for {} {} from {} could not run", request.method(), request.url(),
                        request.remote(), failure);
                response.send(500, "text/plain", "Internal Server Error: the health checks could not run\n");
                return;
            }
            byte[] body = JSON.writeValueAsBytes(report.tree());
            if (request.method().equals("HEAD")) {
                response.status(report.httpStatus()).contentType("application/json").contentLength(body.length);
            } else {
                response.send(report.httpStatus(), "application/json", body);
            }
        } catch (IOException | IllegalStateException clientGone) {
            LOG.debug("health: answer to {} not delivered: {}", request.remote(), clientGone.toString());
        } finally {
            response.complete();
        }
    }

    /** Writes the refusal lines still held back. */
    void close() {
        refusals.flush();
    }
}
