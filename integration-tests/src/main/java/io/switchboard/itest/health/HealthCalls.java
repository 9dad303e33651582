package io.switchboard.itest.health;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.itest.Configs;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.Mi;
import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiParams;

/** The health as the tests ask it: over HTTP, over the MI, and as the MI command's service while httpd is away. */
final class HealthCalls {
    static final String PID = "switchboard.health";

    private HealthCalls() {
    }

    static String rpc(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}";
    }

    /** @return the JSON of {@code GET /health}, whatever its status */
    static JsonNode get(int port) throws Exception {
        return Mi.JSON.readTree(Loopback.get(port, "/health").body());
    }

    /** Waits until {@code GET /health} answers {@code status}; fails with the last answer otherwise. */
    static JsonNode awaitStatus(int port, int status) throws Exception {
        HttpResponse<String>[] last = new HttpResponse[1];
        try {
            Configs.await("/health answering " + status, Duration.ofSeconds(30), () -> {
                last[0] = Loopback.get(port, "/health");
                return last[0].statusCode() == status;
            });
        } catch (AssertionError notYet) {
            throw new AssertionError(notYet.getMessage() + "; it answered " + (last[0] == null ? "nothing"
                    : last[0].statusCode() + " " + last[0].body()), notYet);
        }
        return Mi.JSON.readTree(last[0].body());
    }

    /** @return the result of the MI command {@code health}, called as its service: no httpd needed */
    @SuppressWarnings("unchecked")
    static Map<String, Object> command(BundleContext context) throws Exception {
        ServiceReference<MiCommand> reference = context.getServiceReferences(MiCommand.class, "(mi.command=health:check)")
                .iterator().next();
        MiCommand command = context.getService(reference);
        try {
            return (Map<String, Object>) command.execute(MiParams.none());
        } finally {
            context.ungetService(reference);
        }
    }

    static List<String> names(JsonNode health) {
        List<String> names = new ArrayList<>();
        health.path("results").forEach(check -> names.add(check.path("name").asText()));
        return names;
    }

    static String status(JsonNode health, String check) {
        return find(health, check).path("status").asText();
    }

    /** @return the first message of {@code check} */
    static String message(JsonNode health, String check) {
        return find(health, check).path("messages").get(0).path("message").asText();
    }

    static String status(Map<String, Object> health, String check) {
        JsonNode tree = Mi.JSON.valueToTree(health);
        return status(tree, check);
    }

    static String message(Map<String, Object> health, String check) {
        JsonNode tree = Mi.JSON.valueToTree(health);
        return message(tree, check);
    }

    private static JsonNode find(JsonNode health, String check) {
        for (JsonNode result : health.path("results")) {
            if (result.path("name").asText().equals(check)) {
                return result;
            }
        }
        throw new AssertionError("no check " + check + " in " + health);
    }
}
