/** Jetty helpers the bundles that run a Jetty server of their own, or sit in Pax Web's, copy in privately; not an API. */
package io.switchboard.support.jetty;
