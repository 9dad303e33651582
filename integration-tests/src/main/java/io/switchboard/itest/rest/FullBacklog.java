package io.switchboard.itest.rest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback listener that never accepts, its accept backlog filled: the kernel drops further SYNs,
 * so a connect to it hangs until the client's connect timeout.
 */
final class FullBacklog implements AutoCloseable {
    private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    private final List<Socket> queued = new ArrayList<>();

    FullBacklog() throws IOException {
        for (int i = 0; i < 8; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(listener.getLocalSocketAddress(), 200);
                queued.add(socket);
            } catch (IOException backlogFull) {
                socket.close();
                return;
            }
        }
        close();
        throw new IOException("the backlog of port " + listener.getLocalPort() + " never filled");
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : queued) {
            socket.close();
        }
        listener.close();
    }
}
