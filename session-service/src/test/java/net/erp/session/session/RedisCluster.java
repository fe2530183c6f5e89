package net.erp.session.session;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Redis Cluster of three masters, no replicas, of this test run alone: three {@link OwnRedis} nodes with
 * cluster mode on, in a temporary directory, joined by {@code redis-cli --cluster create}. It needs
 * {@code redis-server} and {@code redis-cli} on the PATH; {@link #available()} tells whether they are.
 */
final class RedisCluster implements Closeable {

    /** Redis Cluster talks between nodes on the client port plus this. */
    private static final int BUS_OFFSET = 10_000;
    private static final long FORM_WAIT_MILLIS = 30_000;
    private static final long COMMAND_WAIT_SECONDS = 30;

    /** A master node and the slots it serves, as {@code CLUSTER NODES} lists them. */
    record Master(int port, List<int[]> slotRanges) {

        boolean serves(int slot) {
            return slotRanges.stream().anyMatch(range -> range[0] <= slot && slot <= range[1]);
        }
    }

    private final Path directory;
    private final List<Integer> ports = new ArrayList<>();
    private final List<OwnRedis> nodes = new ArrayList<>();

    RedisCluster() {
        try {
            directory = Files.createTempDirectory("redis-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException("no directory for the test's Redis Cluster", e);
        }
        for (int i = 0; i < 3; i++) {
            int port = clusterPort(ports);
            ports.add(port);
            nodes.add(new OwnRedis(port, List.of("--cluster-enabled", "yes",
                    "--cluster-config-file", directory.resolve("nodes-" + port + ".conf").toString(),
                    "--dir", directory.toString())));
        }
    }

    /** Whether the Redis binaries a cluster needs are on the PATH. */
    static boolean available() {
        return OwnRedis.onPath("redis-server") && OwnRedis.onPath("redis-cli");
    }

    /** Starts the three nodes, joins them into one cluster and waits until every node says it is ok. */
    void start() {
        nodes.forEach(OwnRedis::start);
        List<String> create = new ArrayList<>(List.of("--cluster", "create"));
        ports.forEach(port -> create.add("127.0.0.1:" + port));
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        cli(ports.get(0), create.toArray(String[]::new));
        awaitOk();
    }

    /** The node list for {@code quarkus.redis.hosts}. */
    String hosts() {
        return ports.stream().map(port -> "redis://127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** The slot of a key, as Redis computes it ({@code CLUSTER KEYSLOT}). */
    int keyslot(String key) {
        return Integer.parseInt(cli(ports.get(0), "CLUSTER", "KEYSLOT", key));
    }

    /** The port of the master that serves a slot. */
    int masterOf(int slot) {
        return masters().stream().filter(master -> master.serves(slot)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no master serves slot " + slot)).port();
    }

    /** Every key one node holds (a test cluster: a full scan is fine here). */
    List<String> keysOn(int port) {
        String listed = cli(port, "--scan");
        return listed.isEmpty() ? List.of() : List.of(listed.split("\n"));
    }

    /** Runs one {@code redis-cli} command against a node and answers its output, trimmed. */
    String cli(int port, String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(Arrays.asList(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(COMMAND_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("redis-cli did not finish: " + String.join(" ", args));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("redis-cli " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("redis-cli could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while redis-cli ran", e);
        }
    }

    /** Stops every node and removes their directory. */
    @Override
    public void close() {
        nodes.forEach(OwnRedis::close);
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the Redis Cluster's directory was not removed", e);
        }
    }

    private List<Master> masters() {
        List<Master> masters = new ArrayList<>();
        for (String line : cli(ports.get(0), "CLUSTER", "NODES").split("\n")) {
            String[] fields = line.trim().split(" ");
            if (!fields[2].contains("master")) {
                continue;
            }
            String address = fields[1].substring(0, fields[1].indexOf('@'));
            int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            List<int[]> ranges = new ArrayList<>();
            for (int i = 8; i < fields.length; i++) {
                String[] bounds = fields[i].split("-");
                int first = Integer.parseInt(bounds[0]);
                ranges.add(new int[] {first, bounds.length == 2 ? Integer.parseInt(bounds[1]) : first});
            }
            masters.add(new Master(port, ranges));
        }
        return masters;
    }

    private void awaitOk() {
        long until = System.currentTimeMillis() + FORM_WAIT_MILLIS;
        while (!ports.stream().allMatch(port -> cli(port, "CLUSTER", "INFO").contains("cluster_state:ok"))) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("the test's Redis Cluster did not reach cluster_state:ok");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the Redis Cluster formed", e);
            }
        }
    }

    /** A free port, not yet taken, whose cluster bus port (plus 10000) is free and valid too. */
    private static int clusterPort(List<Integer> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = OwnRedis.freePort();
            boolean clash = taken.stream().anyMatch(other -> other == port || other + BUS_OFFSET == port
                    || other == port + BUS_OFFSET);
            if (!clash && port + BUS_OFFSET <= 65_535 && free(port + BUS_OFFSET)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair for a Redis Cluster node");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
