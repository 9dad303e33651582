/**
 * The httpd implementation: the root registry, the dispatcher the anchor's Jetty handler calls and the
 * Pax Web listener settings. Private to the bundle.
 */
@Capability(namespace = ImplementationNamespace.IMPLEMENTATION_NAMESPACE, name = RequireHttpd.IMPLEMENTATION,
        version = RequireHttpd.VERSION)
// Registered by Httpd through its BundleContext rather than by DS, so declared here for resolvers.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.switchboard.httpd.HttpdRuntime",
        uses = io.switchboard.httpd.HttpdRuntime.class)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=org.eclipse.jetty.server.Request$Handler")
package io.switchboard.httpd.internal;

import org.osgi.annotation.bundle.Capability;
import org.osgi.namespace.implementation.ImplementationNamespace;

import io.switchboard.httpd.RequireHttpd;
