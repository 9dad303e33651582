package io.switchboard.anchor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Listening sockets that outlive the bundle revision that opened them, so that clients of a listener
 * whose bundle is updated wait in the socket's backlog instead of being refused.
 * <p>
 * The service is bundle scoped: each bundle sees only its own sockets, and a new revision of a bundle
 * sees what the old revision left open. A socket its bundle has not {@link #close closed} stays open
 * when the bundle stops using this service (it is updated, refreshed or stopped) for the anchor's
 * swap hold (httpd's {@code swap_hold}); a revision that opens the same address within that time
 * gets the same socket back, with the connections waiting in its backlog. Past the hold, it is closed.
 */
@ProviderType
public interface SocketKeeper {

    /**
     * Returns the listening socket this bundle holds on {@code address}, binding a new one when it
     * holds none. The socket is handed over as it was left: a user must deregister it from its
     * selectors (stop accepting) before it lets go of it, and may configure it as it needs.
     *
     * @param address the address and port, the wildcard address for all
     * @param backlog the accept queue length for a new socket; 0 for the system's default
     * @return an open, bound socket
     * @throws IOException when {@code address} cannot be bound
     */
    ServerSocketChannel open(InetSocketAddress address, int backlog) throws IOException;

    /**
     * Closes one of this bundle's sockets for good: its listener moves to another address or stops.
     * Does nothing for a socket this bundle does not hold.
     *
     * @param socket a socket {@link #open} returned
     */
    void close(ServerSocketChannel socket);
}
