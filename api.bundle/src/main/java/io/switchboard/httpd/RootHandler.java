package io.switchboard.httpd;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers the HTTP requests under one root path, the way an OpenSIPS module answers what
 * {@code register_httpdcb} gave it.
 * <p>
 * Register an implementation as an OSGi service with the property {@link #ROOT}; with Declarative
 * Services, annotate the component with {@link HttpdRoot} (and optionally {@link HttpdModule}).
 */
@ConsumerType
public interface RootHandler {

    /**
     * Service property, {@code String}, required: the first path segment this handler owns, without
     * slashes (for example {@code mi} owns {@code /mi}, {@code /mi/} and {@code /mi/x?y} but not
     * {@code /mix}). The value {@link #FALLBACK} registers the fallback handler instead.
     * <p>
     * Conflict rule: when several services register the same root, the one with the highest
     * {@code service.ranking} serves (then the lowest {@code service.id}); the others wait and the best
     * of them takes over when the serving one goes away.
     */
    String ROOT = "httpd.root";

    /**
     * Service property, {@code String}, optional: the module name {@code httpd_list_root_path} shows
     * for this root. Default: the symbolic name of the registering bundle.
     */
    String MODULE = "httpd.module";

    /**
     * The {@link #ROOT} value of the fallback handler: it gets every request whose first path
     * segment no handler owns. Without a fallback handler such requests are answered 404.
     */
    String FALLBACK = "*";

    /**
     * Handles one request. The response completes when this method returns, unless the handler
     * called {@link HttpdResponse#defer()}; then it completes when {@link HttpdResponse#complete()}
     * is called, from any thread. An exception thrown before anything was sent is answered 500.
     *
     * @param request the request, valid until the response completes
     * @param response the response to write
     * @throws Exception anything the handler does not handle itself
     */
    void handle(HttpdRequest request, HttpdResponse response) throws Exception;

    /**
     * Called once the server listens (OpenSIPS {@code init_proc_cb}), and again whenever the listener
     * moves to another address, with the new address. Called at once when the handler registers while
     * the server already listens. The default does nothing.
     *
     * @param endpoint where the server now listens
     */
    default void started(HttpdEndpoint endpoint) {
    }
}
