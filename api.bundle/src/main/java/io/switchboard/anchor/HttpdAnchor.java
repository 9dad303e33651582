package io.switchboard.anchor;

/**
 * How httpd and the anchor find each other. The anchor registers one Jetty
 * {@code org.eclipse.jetty.server.Handler} service in front of Pax Web's servlet contexts, once; httpd
 * registers its dispatcher as a Jetty {@code org.eclipse.jetty.server.Request.Handler} service with
 * {@link #DISPATCHER}. The anchor hands every request of Pax Web's server to that dispatcher; while
 * there is none (httpd is being updated) requests wait for the next one, holding no thread, for
 * {@link #SWAP_HOLD} milliseconds, and are then answered 503 with {@code Retry-After}.
 */
public final class HttpdAnchor {
    /**
     * Service property, {@code String}, of httpd's dispatcher: the value {@value #HTTPD}. Several
     * dispatchers: the highest {@code service.ranking}, then the lowest {@code service.id}, is called.
     */
    public static final String DISPATCHER = "switchboard.anchor.dispatcher";

    /** The value of {@link #DISPATCHER} for httpd's dispatcher. */
    public static final String HTTPD = "httpd";

    /**
     * Service property, {@code Integer}, of httpd's dispatcher: httpd's {@code swap_hold} in
     * milliseconds (0: requests are not held). The anchor keeps the last value it saw for the time
     * httpd is away; until it sees one it holds for {@value #DEFAULT_SWAP_HOLD} ms.
     */
    public static final String SWAP_HOLD = "switchboard.anchor.swap_hold";

    /** The hold the anchor applies before any dispatcher told it another; httpd's default {@code swap_hold}. */
    public static final int DEFAULT_SWAP_HOLD = 5000;

    /**
     * Service property, {@code Integer}, of httpd's dispatcher: httpd's {@code shutdown_grace} in
     * milliseconds, how long the framework, stopping, lets the requests in flight on every
     * {@link GracefulListener} finish before it stops any bundle (0: it does not wait). The anchor
     * keeps the last value it saw; until it sees one it waits up to {@value #DEFAULT_SHUTDOWN_GRACE} ms.
     */
    public static final String SHUTDOWN_GRACE = "switchboard.anchor.shutdown_grace";

    /** The grace the anchor applies before any dispatcher told it another; httpd's default {@code shutdown_grace}. */
    public static final int DEFAULT_SHUTDOWN_GRACE = 10000;

    /**
     * Service property, {@code Boolean}, of the anchor's Jetty {@code Handler} service: {@code true}
     * while Pax Web's server has it started. Pax Web restarts its server to add the handler, so httpd
     * hands its listener settings over only once this is {@code true}.
     */
    public static final String IN_SERVICE = "switchboard.anchor.in_service";

    private HttpdAnchor() {
    }
}
