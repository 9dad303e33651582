/**
 * What Switchboard's providers leave with the anchor, the small bundle that stays while they are
 * updated: httpd's place in Pax Web's server, where requests wait while httpd is away, listening
 * sockets that outlive the bundle revision that opened them, and the graceful shutdown every listener
 * takes part in. Handler bundles never need this package.
 */
@Export
@Version("1.1.0")
package io.switchboard.anchor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
