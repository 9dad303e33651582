/**
 * Raw HTTP request events (Kamailio xhttp and microhttpd): a handler sees each request as an
 * {@link io.switchboard.xhttp.HttpEvent} and answers with
 * {@link io.switchboard.xhttp.HttpEvent#reply(int, String, String, String)}, now or later.
 */
@Export
@Version("1.1.0")
package io.switchboard.xhttp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
