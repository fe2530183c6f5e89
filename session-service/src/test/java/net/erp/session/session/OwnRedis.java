package net.erp.session.session;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.RedisServer;

/**
 * A Redis of this test run alone, on a free port, without persistence, which a test may stop and start
 * again: a real restart (connections dropped, data and loaded scripts gone) that touches no Redis anyone
 * else uses. It runs the {@code redis-server} on the PATH, or the embedded one of test-fixtures when there
 * is none. A node of a {@link RedisCluster} is one too, started with settings of its own, and only from the
 * PATH.
 */
public final class OwnRedis implements Closeable {

    private static final long START_WAIT_MILLIS = 10_000;

    private final int port;
    private final List<String> settings;
    private Process process;
    private RedisServer embedded;

    OwnRedis() {
        this(freePort(), List.of());
    }

    /**
     * A server on a given port with further command-line settings ({@code --name value} pairs), which need
     * the {@code redis-server} of the PATH.
     */
    OwnRedis(int port, List<String> settings) {
        this.port = port;
        this.settings = List.copyOf(settings);
    }

    int port() {
        return port;
    }

    /** Starts the server and waits until it accepts connections. */
    public synchronized void start() {
        if (process != null || embedded != null) {
            return;
        }
        try {
            if (onPath("redis-server")) {
                List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
                        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
                command.addAll(settings);
                process = new ProcessBuilder(command)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } else if (settings.isEmpty()) {
                embedded = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1")
                        .setting("save \"\"").setting("appendonly no").build();
                embedded.start();
            } else {
                throw new IllegalStateException("a Redis with settings of its own needs redis-server on the PATH");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a Redis of the test's own", e);
        }
        awaitListening();
    }

    /** Stops the server; what it held is lost, as after a restart without persistence. */
    public synchronized void stop() {
        try {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            if (embedded != null) {
                embedded.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the test's own Redis", e);
        } finally {
            process = null;
            embedded = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitListening() {
        long until = System.currentTimeMillis() + START_WAIT_MILLIS;
        while (System.currentTimeMillis() < until) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                pause();
            }
        }
        throw new IllegalStateException("the test's own Redis did not listen on port " + port);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (new File(directory, command).canExecute()) {
                return true;
            }
        }
        return false;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the test's own Redis", e);
        }
    }
}
