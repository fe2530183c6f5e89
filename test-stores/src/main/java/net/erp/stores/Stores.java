package net.erp.stores;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * Finds the PostgreSQL and Redis a test run or a local start should use: the servers at the configured
 * address when something answers there, or private embedded ones (PostgreSQL binaries from zonky, Redis
 * from embedded-redis) started on free ports when nothing does. Embedded servers live as long as the JVM.
 */
public final class Stores {

    /** Where a store listens. */
    public record Address(String host, int port) {
    }

    private static Address postgres;
    private static Address redis;

    private Stores() {
    }

    /** The PostgreSQL to use: {@code DB_HOST}/{@code DB_PORT} when reachable, else an embedded one. */
    public static synchronized Address postgres() {
        if (postgres == null) {
            Address wanted = new Address(env("DB_HOST", "localhost"), Integer.parseInt(env("DB_PORT", "5432")));
            postgres = reachable(wanted) ? wanted : startPostgres(freePort(), null);
        }
        return postgres;
    }

    /** The Redis to use: {@code REDIS_HOST}/{@code REDIS_PORT} when reachable, else an embedded one. */
    public static synchronized Address redis() {
        if (redis == null) {
            Address wanted = new Address(env("REDIS_HOST", "localhost"), Integer.parseInt(env("REDIS_PORT", "6379")));
            redis = reachable(wanted) ? wanted : startRedis(freePort());
        }
        return redis;
    }

    static Address startPostgres(int port, Path dataDirectory) {
        try {
            var builder = EmbeddedPostgres.builder().setPort(port);
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres server = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server)));
            System.out.println("embedded PostgreSQL listening on 127.0.0.1:" + port);
            return new Address("127.0.0.1", port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    static Address startRedis(int port) {
        try {
            RedisServer server = new RedisServer(port);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server)));
            System.out.println("embedded Redis listening on 127.0.0.1:" + port);
            return new Address("127.0.0.1", port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded Redis", e);
        }
    }

    static boolean reachable(Address address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            // The JVM is exiting; the temporary data directory goes with the process.
        }
    }

    private static void stop(RedisServer server) {
        try {
            server.stop();
        } catch (IOException e) {
            // The JVM is exiting.
        }
    }
}
