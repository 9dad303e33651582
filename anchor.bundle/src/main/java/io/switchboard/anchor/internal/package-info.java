/**
 * The anchor: the Jetty handler that holds httpd's place in Pax Web's server and the keeper of
 * listening sockets. Private to the bundle.
 */
// Registered through the BundleContext rather than by DS, so declared here for resolvers.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.eclipse.jetty.server.Handler")
package io.switchboard.anchor.internal;

import org.osgi.annotation.bundle.Capability;
