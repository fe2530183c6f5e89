package net.erp.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.erp.fixtures.Stores;

/**
 * The whole platform as a user runs it: the three packaged services started as processes on free
 * ports, against the real PostgreSQL and Redis (or embedded ones), in schemas and a Redis database of
 * their own. Further replicas of a service can be started beside the first.
 */
final class Platform implements AutoCloseable {

    static final String OPERATOR_ID = "operator";
    static final String OPERATOR_SECRET = "platform-test-operator-" + UUID.randomUUID();

    private final Path root = Path.of(System.getProperty("platform.root", ".."));
    private final Path logs = root.resolve("platform-tests/target/platform-logs");
    private final Map<String, String> environment = new HashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String identityUrl;
    private final String registryUrl;
    private final String sessionUrl;

    Platform(Map<String, String> overrides) {
        Stores.Address postgres = Stores.postgres();
        Stores.Address redis = Stores.redis();
        identityUrl = "http://localhost:" + freePort();
        registryUrl = "http://localhost:" + freePort();
        sessionUrl = "http://localhost:" + freePort();
        environment.put("QUARKUS_PROFILE", "prod");
        environment.put("DB_HOST", postgres.host());
        environment.put("DB_PORT", Integer.toString(postgres.port()));
        environment.put("REDIS_HOST", redis.host());
        environment.put("REDIS_PORT", Integer.toString(redis.port()));
        environment.put("REDIS_DATABASE", "2");
        environment.put("IDENTITY_SCHEMA", "identity_platform_test");
        environment.put("REGISTRY_SCHEMA", "registry_platform_test");
        environment.put("IDENTITY_URL", identityUrl);
        environment.put("REGISTRY_URL", registryUrl);
        environment.put("SESSION_URL", sessionUrl);
        environment.put("INTERNAL_API_SECRET", "platform-test-internal-" + UUID.randomUUID());
        environment.put("BOOTSTRAP_ADMIN_CLIENT_ID", OPERATOR_ID);
        environment.put("BOOTSTRAP_ADMIN_CLIENT_SECRET", OPERATOR_SECRET);
        environment.put("CLIENT_SECRET_PEPPER", "platform-test-pepper-" + UUID.randomUUID());
        environment.put("SIGNING_KEY_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        environment.putAll(overrides);
    }

    /** Starts one process of each service and waits until all three are ready. */
    Platform start() {
        startService("registry-service", port(registryUrl));
        startService("identity-service", port(identityUrl));
        startService("session-service", port(sessionUrl));
        awaitReady(registryUrl);
        awaitReady(identityUrl);
        awaitReady(sessionUrl);
        return this;
    }

    /** Starts one more replica of a service on a free port and returns its base URL once it is ready. */
    String startReplica(String service) {
        String url = "http://localhost:" + freePort();
        startService(service, port(url));
        awaitReady(url);
        return url;
    }

    String identityUrl() {
        return identityUrl;
    }

    String registryUrl() {
        return registryUrl;
    }

    String sessionUrl() {
        return sessionUrl;
    }

    private void startService(String service, int port) {
        try {
            Files.createDirectories(logs);
            var command = new ProcessBuilder("java", "-Xmx256m", "-jar",
                    root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar").toString());
            command.environment().putAll(environment);
            command.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            command.redirectErrorStream(true);
            command.redirectOutput(logs.resolve(service + "-" + port + ".log").toFile());
            processes.add(command.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service, e);
        }
    }

    private void awaitReady(String baseUrl) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (processes.stream().noneMatch(Process::isAlive)) {
                break;
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(baseUrl + " did not become ready; see " + logs);
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static int port(String url) {
        return URI.create(url).getPort();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
