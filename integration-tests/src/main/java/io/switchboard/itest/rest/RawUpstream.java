package io.switchboard.itest.rest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hostile upstream on 127.0.0.1 that speaks raw bytes where no well-behaved server would: each
 * connection gets a thread of its own running {@link #serve}; closing it closes every connection.
 */
abstract class RawUpstream implements AutoCloseable {
    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final String name;

    RawUpstream(String name) throws IOException {
        this.name = name;
    }

    /** Starts accepting; called by subclasses once they are set up. */
    final void start() {
        Thread acceptor = new Thread(this::accept, name + "-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/";
    }

    /** Talks to one client until it hangs up; the socket is closed afterwards. */
    abstract void serve(Socket socket) throws IOException;

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                Thread connection = new Thread(() -> serveAndClose(socket), name + "-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serveAndClose(Socket socket) {
        try (socket) {
            serve(socket);
        } catch (IOException hungUp) {
            // the client gave up on the connection: what the tests want
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
