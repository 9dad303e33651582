/** The xhttp and microhttpd implementations. Private to the bundle. */
@Capability(namespace = ImplementationNamespace.IMPLEMENTATION_NAMESPACE, name = RequireXhttp.IMPLEMENTATION,
        version = RequireXhttp.VERSION)
// httpd's fallback, registered by Xhttp through its BundleContext rather than by DS, so declared here for
// resolvers. It exists only while there are handlers and a valid configuration. When a refused first configuration
// fails a DS component's activation, Felix SCR keeps its service registered (getService null); and a mandatory
// reference to the handlers would deactivate xhttp, draining its events, whenever the last handler left.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.switchboard.httpd.RootHandler",
        uses = io.switchboard.httpd.RootHandler.class)
package io.switchboard.xhttp.internal;

import org.osgi.annotation.bundle.Capability;
import org.osgi.namespace.implementation.ImplementationNamespace;

import io.switchboard.xhttp.RequireXhttp;
