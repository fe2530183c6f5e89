package net.erp.session.session;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the service and the real Redis that a test can cut and restore, to show what the
 * service does while Redis is unreachable and that it recovers without a restart. While cut, it keeps
 * listening but drops every connection at once, so the port is never freed and taken by someone else.
 */
public final class RedisProxy implements Closeable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    RedisProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Relays again. */
    public void restore() {
        cut = false;
    }

    /** Drops every connection and every new one, as a Redis that went away. */
    public void cut() {
        cut = true;
        sockets.forEach(RedisProxy::close);
        sockets.clear();
    }

    @Override
    public void close() {
        cut();
        close(server);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    close(client);
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                daemon(() -> relay(client, upstream));
                daemon(() -> relay(upstream, client));
            } catch (IOException e) {
                // Closed at the end of the run, or Redis refused: the service sees a dropped connection.
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

    private static void close(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Already gone.
        }
    }
}
