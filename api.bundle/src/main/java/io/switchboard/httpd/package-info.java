/**
 * The root-path HTTP server: bundles register {@link io.switchboard.httpd.RootHandler} services for a
 * first path segment and httpd dispatches each request to the handler that owns it.
 */
@Export
@Version("1.4.0")
package io.switchboard.httpd;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
