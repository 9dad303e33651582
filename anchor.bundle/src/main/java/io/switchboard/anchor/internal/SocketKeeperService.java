package io.switchboard.anchor.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import io.switchboard.anchor.SocketKeeper;

/**
 * One bundle's view of the kept sockets. Bundle scoped: DS makes one per bundle that gets the service
 * and deactivates it when that bundle no longer uses it, which is when the bundle's sockets start
 * their hold.
 */
@Component(service = SocketKeeper.class, scope = ServiceScope.BUNDLE)
public final class SocketKeeperService implements SocketKeeper {
    private final KeptSockets sockets;
    private final long bundle;

    @Activate
    public SocketKeeperService(ComponentContext context, @Reference KeptSockets sockets) {
        this.sockets = sockets;
        this.bundle = context.getUsingBundle().getBundleId();
    }

    @Deactivate
    void deactivate() {
        sockets.released(bundle);
    }

    @Override
    public ServerSocketChannel open(InetSocketAddress address, int backlog) throws IOException {
        return sockets.open(bundle, address, backlog);
    }

    @Override
    public void close(ServerSocketChannel socket) {
        sockets.close(bundle, socket);
    }
}
