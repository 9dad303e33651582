/**
 * The MI over HTTP: the command registry, JSON-RPC 2.0, the web page, access control and the Gogo
 * bridge. Private to the bundle.
 */
@Capability(namespace = ImplementationNamespace.IMPLEMENTATION_NAMESPACE, name = RequireMi.IMPLEMENTATION,
        version = RequireMi.VERSION)
// Registered by MiHttp through its BundleContext rather than by DS, so declared here for resolvers. DS publishes
// a component's configuration keys as they are: no httpd.root from mi_http_root, and the users' hashes. Felix
// SCR's extension (felix:configurableServiceProperties, activate and modified returning the properties) fixes
// them only once the component is built: SCR registers the service first with the raw keys, and keeps it
// registered, its getService null, when a refused first configuration fails the activation.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.switchboard.httpd.RootHandler",
        uses = io.switchboard.httpd.RootHandler.class)
// MiAccess too is registered by hand, and only for the Prometheus endpoint of this bundle.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.switchboard.mihttp.internal.MiAccess")
package io.switchboard.mihttp.internal;

import org.osgi.annotation.bundle.Capability;
import org.osgi.namespace.implementation.ImplementationNamespace;

import io.switchboard.mi.RequireMi;
