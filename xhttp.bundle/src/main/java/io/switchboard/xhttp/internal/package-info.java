/** The xhttp and microhttpd implementations. Private to the bundle. */
@Capability(namespace = ImplementationNamespace.IMPLEMENTATION_NAMESPACE, name = RequireXhttp.IMPLEMENTATION,
        version = RequireXhttp.VERSION)
package io.switchboard.xhttp.internal;

import org.osgi.annotation.bundle.Capability;
import org.osgi.namespace.implementation.ImplementationNamespace;

import io.switchboard.xhttp.RequireXhttp;
