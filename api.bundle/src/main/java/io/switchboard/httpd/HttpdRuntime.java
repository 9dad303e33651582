package io.switchboard.httpd;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The live state of httpd, registered as a service while httpd runs. Its {@code service.changecount}
 * property grows whenever the roots or the endpoint change, so callers can wait on it, and its
 * properties say where httpd listens and with which settings.
 */
@ProviderType
public interface HttpdRuntime {

    /** Service property, {@code String}: the URI clients reach httpd at, such as {@code http://127.0.0.1:8888/}; absent until httpd listens. */
    String ENDPOINT = "httpd.endpoint";

    /** Service property, {@code Integer}: the port httpd listens on; absent until it does. */
    String ENDPOINT_PORT = "httpd.endpoint.port";

    /**
     * Prefix of the service properties that hold the settings in force, one per key of
     * {@code switchboard.httpd} (for example {@code httpd.config.swap_hold}, an {@code Integer}), as
     * httpd applied them: a refused configuration never shows here.
     */
    String CONFIG_PREFIX = "httpd.config.";

    /** @return every registered root handler, serving and waiting, ordered by root then precedence */
    List<RootPath> roots();

    /** @return where the server listens, once it does */
    Optional<HttpdEndpoint> endpoint();
}
