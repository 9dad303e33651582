package io.switchboard.mihttp.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.switchboard.mi.MiException;
import io.switchboard.support.log.RateLimitedLog;

/**
 * Runs a command by name for a caller, the same way for JSON-RPC, the web page and the shell: finds
 * it, checks the admin role, names the parameters and turns every failure into an {@link MiException}.
 * Counts each call of a command found, and each error by its code, in {@link MiCounters}.
 */
final class Invoker {
    private static final Logger LOG = LoggerFactory.getLogger(Invoker.class);

    private final CommandRegistry registry;
    private final MiCounters counters;
    /** Refusals of admin-only commands, limited per user (the caller's address is not known here). */
    private final RateLimitedLog refusals = new RateLimitedLog(LOG, "mi_http refusal");

    Invoker(CommandRegistry registry, MiCounters counters) {
        this.registry = registry;
        this.counters = counters;
    }

    /**
     * @param params {@code null}, a {@link java.util.Map} or a {@link java.util.List}
     * @return the command's result, possibly an {@link io.switchboard.mi.MiStream} to write
     */
    Object invoke(Caller caller, String method, Object params) throws MiException {
        try {
            return run(caller, method, params);
        } catch (MiException failed) {
            counters.failed(failed.code());
            throw failed;
        }
    }

    private Object run(Caller caller, String method, Object params) throws MiException {
        CommandCalls outer = CommandCalls.current();
        CommandInfo command;
        do {
            // A command that left between the look-up and the call is looked up again: its successor,
            // or its vacancy, takes the call.
            command = find(method);
        } while (!command.calls().enter());
        counters.called(command.name());
        try {
            if (command.admin() && !caller.admin()) {
                refusals.warn("user " + caller.name(), "mi_http: user '{}' refused command {}: it needs the admin role",
                        caller.name(), command.name());
                throw new MiException(MiException.FORBIDDEN, "Forbidden",
                        "command " + command.name() + " needs the admin role");
            }
            return command.command().execute(command.bind(params));
        } catch (MiException failed) {
            throw failed;
        } catch (Exception | LinkageError failed) {
            LOG.error("MI command {} (service {} of {}) failed", command.name(), command.serviceId(), command.bundle(),
                    failed);
            // The exception's text is for the log only: it may tell a client about the server's inside.
            throw new MiException(MiException.INTERNAL_ERROR, "Internal error",
                    command.name() + " failed; the server's log has the details");
        } finally {
            command.calls().exit(outer);
        }
    }

    /** @throws MiException -32601 when no command answers {@code method}, once a vacancy of it has passed */
    private CommandInfo find(String method) throws MiException {
        CommandInfo command;
        try {
            command = registry.await(method);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            command = null;
        }
        if (command == null) {
            throw new MiException(MiException.METHOD_NOT_FOUND, "Method not found", "no command named " + Quoted.text(method));
        }
        return command;
    }
}
