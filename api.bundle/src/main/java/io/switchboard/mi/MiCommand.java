package io.switchboard.mi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One Management Interface command, as an OpenSIPS module exports one with its MI table.
 * <p>
 * Register an implementation as an OSGi service with the property {@link #NAME}; with Declarative
 * Services, annotate the component with {@link MiCommandSpec}. Commands come and go at runtime.
 */
@ConsumerType
public interface MiCommand {

    /**
     * Service property, {@code String}, required: the command's name, for example {@code uptime} or,
     * namespaced as OpenSIPS 4 does, {@code httpd:list_root_path}.
     * <p>
     * Conflict rule: when several services claim the same name (or alias), the one with the highest
     * {@code service.ranking} answers (then the lowest {@code service.id}); the others wait and the best
     * of them takes over when the answering one goes away.
     */
    String NAME = "mi.command";

    /**
     * Service property, {@code String[]}, optional: further names the command answers to, for example
     * {@code httpd_list_root_path} for {@code httpd:list_root_path}. Same conflict rule as {@link #NAME}.
     */
    String ALIAS = "mi.alias";

    /** Service property, {@code String}, optional: one line saying what the command does. */
    String DESCRIPTION = "mi.description";

    /**
     * Service property, {@code String[]}, optional: the names of the parameters the command requires,
     * in the order positional parameters fill them.
     */
    String PARAMS = "mi.params";

    /**
     * Service property, {@code String[]}, optional: the names of the parameters the command accepts
     * but does not require; positional parameters fill them after {@link #PARAMS}.
     */
    String OPTIONAL_PARAMS = "mi.params.optional";

    /**
     * Service property, {@code Boolean}, default {@code false}: the command changes the container
     * (bundles, configuration, log levels, outgoing requests), so only a user with the {@code admin}
     * role may call it when users are configured.
     */
    String ADMIN = "mi.admin";

    /**
     * Runs the command. Parameters were checked against {@link #PARAMS} and {@link #OPTIONAL_PARAMS}
     * before the call: every required one is present and no unknown one is.
     *
     * @param params the parameters, named
     * @return the result as a JSON tree: {@code null}, {@link Boolean}, {@link Number}, {@link String},
     *         a {@link java.util.Map} with {@code String} keys, a {@link java.util.Collection} or array
     *         of such values, or a {@link MiStream} for results too large to hold in memory
     * @throws MiException the command's own failure, reported with its code and message
     * @throws Exception anything else, reported as an internal error (-32603)
     */
    Object execute(MiParams params) throws Exception;
}
