package io.switchboard.anchor.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening sockets of every bundle that uses the {@link io.switchboard.anchor.SocketKeeper}, by
 * bundle id (which an update keeps) and address. A socket its bundle let go of stays open for the swap
 * hold, then closes unless the bundle took it back.
 */
@Component(service = KeptSockets.class)
public final class KeptSockets {
    private static final Logger LOG = LoggerFactory.getLogger(KeptSockets.class);

    private record Key(long bundle, InetSocketAddress address) {
    }

    /** A socket and, while its bundle has let go of it, the closing it waits for. */
    private static final class Kept {
        final ServerSocketChannel socket;
        ScheduledFuture<?> closing;
        /** Counts the times it was let go of, so a closing scheduled for an earlier time does nothing. */
        int releases;

        Kept(ServerSocketChannel socket) {
            this.socket = socket;
        }
    }

    private final HttpdTimes times;
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "switchboard-anchor-sockets"));
    /** Guarded by {@code this}. */
    private final Map<Key, Kept> sockets = new HashMap<>();

    @Activate
    public KeptSockets(@Reference HttpdTimes times) {
        this.times = times;
    }

    @Deactivate
    synchronized void deactivate() {
        closer.shutdownNow();
        sockets.values().forEach(kept -> close(kept.socket));
        sockets.clear();
    }

    /** @return the socket {@code bundle} holds on {@code address}, bound now if it holds none */
    synchronized ServerSocketChannel open(long bundle, InetSocketAddress address, int backlog) throws IOException {
        Key key = new Key(bundle, address);
        Kept kept = sockets.get(key);
        if (kept == null) {
            kept = takeReleased(key);
        }
        if (kept != null && kept.socket.isOpen()) {
            if (kept.closing != null) {
                kept.closing.cancel(false);
                kept.closing = null;
                LOG.debug("bundle {} took its socket on {} back", bundle, address);
            }
            return kept.socket;
        }
        ServerSocketChannel socket = ServerSocketChannel.open();
        try {
            socket.bind(address, backlog);
        } catch (IOException | RuntimeException cannotBind) {
            close(socket);
            throw cannotBind;
        }
        sockets.put(key, new Kept(socket));
        return socket;
    }

    /**
     * @return a socket on the key's address that another bundle let go of, now the key's bundle's:
     *         a bundle uninstalled and installed again, under a new id, gets its port back
     */
    private Kept takeReleased(Key key) {
        for (Map.Entry<Key, Kept> entry : sockets.entrySet()) {
            if (entry.getKey().address().equals(key.address()) && entry.getValue().closing != null) {
                Kept taken = entry.getValue();
                sockets.remove(entry.getKey());
                sockets.put(key, taken);
                return taken;
            }
        }
        return null;
    }

    /** Closes {@code socket} now if {@code bundle} holds it. */
    synchronized void close(long bundle, ServerSocketChannel socket) {
        sockets.entrySet().removeIf(entry -> {
            if (entry.getKey().bundle() != bundle || entry.getValue().socket != socket) {
                return false;
            }
            if (entry.getValue().closing != null) {
                entry.getValue().closing.cancel(false);
            }
            close(socket);
            return true;
        });
    }

    /** {@code bundle} let go of its sockets: each closes after the swap hold unless it is taken back. */
    synchronized void released(long bundle) {
        int hold = times.swapHold();
        List<Key> mine = new ArrayList<>();
        sockets.forEach((key, kept) -> {
            if (key.bundle() == bundle && kept.closing == null) {
                mine.add(key);
            }
        });
        for (Key key : mine) {
            if (hold == 0) {
                close(sockets.remove(key).socket);
            } else {
                Kept kept = sockets.get(key);
                int release = ++kept.releases;
                kept.closing = closer.schedule(() -> expire(key, kept, release), hold, TimeUnit.MILLISECONDS);
                LOG.debug("bundle {} let go of its socket on {}: kept open {} ms for its next revision", bundle,
                        key.address(), hold);
            }
        }
    }

    private synchronized void expire(Key key, Kept kept, int release) {
        if (sockets.get(key) == kept && kept.closing != null && kept.releases == release) {
            sockets.remove(key);
            close(kept.socket);
            LOG.info("the socket on {} of bundle {} closed: no revision of the bundle took it back", key.address(),
                    key.bundle());
        }
    }

    private static void close(ServerSocketChannel socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket fails only when it is already closed
        }
    }
}
