package io.switchboard.httpd;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The live state of httpd, registered as a service while httpd runs. Its {@code service.changecount}
 * property grows whenever the roots or the endpoint change, so callers can wait on it.
 */
@ProviderType
public interface HttpdRuntime {

    /** @return every registered root handler, serving and waiting, ordered by root then precedence */
    List<RootPath> roots();

    /** @return where the server listens, once it does */
    Optional<HttpdEndpoint> endpoint();
}
