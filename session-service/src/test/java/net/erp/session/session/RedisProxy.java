package net.erp.session.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the service and the real Redis that a test can cut and restore, to show what the
 * service does while Redis is unreachable and that it recovers without a restart.
 */
public final class RedisProxy {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private ServerSocket server;

    RedisProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** Starts relaying on the same port again. */
    public synchronized void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        server = socket;
        daemon(() -> accept(socket));
    }

    /** Cuts every connection and refuses new ones, as a Redis that went away. */
    public synchronized void stop() {
        close(server);
        sockets.forEach(RedisProxy::close);
        sockets.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                daemon(() -> relay(client, upstream));
                daemon(() -> relay(upstream, client));
            } catch (IOException e) {
                // Closed by stop(), or Redis refused: the loop ends or the caller sees a dropped connection.
            }
        }
    }

    private static void relay(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // One side went away; closing both ends tells the other side.
        } finally {
            close(from);
            close(to);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "redis-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException e) {
            // Already gone.
        }
    }
}
