/** The xhttp and microhttpd implementations. Private to the bundle. */
package io.switchboard.xhttp.internal;
