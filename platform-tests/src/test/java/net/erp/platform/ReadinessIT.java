package net.erp.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the stores: registry-service reports DOWN within 10 seconds of its PostgreSQL
 * going away and UP again once it is back, with no restart of the service. The platform runs on a
 * private PostgreSQL here, since this test stops it.
 */
class ReadinessIT {

    private static Path dataDirectory;
    private static int postgresPort;
    private static EmbeddedPostgres postgres;
    private static Platform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startPlatformOnPrivatePostgres() throws IOException {
        dataDirectory = Files.createTempDirectory("readiness-pg");
        try (ServerSocket socket = new ServerSocket(0)) {
            postgresPort = socket.getLocalPort();
        }
        postgres = startPostgres();
        platform = new Platform(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", Integer.toString(postgresPort))).start();
    }

    @AfterAll
    static void stopAll() throws IOException {
        if (platform != null) {
            platform.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void registryReadinessWhenPostgresStopsThenDownWithinTenSecondsAndUpAfterRestart() throws Exception {
        assertEquals(200, readiness());

        postgres.close();
        postgres = null;
        boolean downInTime = becomes(503, Duration.ofSeconds(10));
        postgres = startPostgres();
        boolean upAgain = becomes(200, Duration.ofSeconds(30));

        assertTrue(downInTime, "readiness must turn DOWN within 10 seconds of PostgreSQL stopping");
        assertTrue(upAgain, "readiness must turn UP again once PostgreSQL is back, without a restart");
    }

    private int readiness() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(platform.registryUrl() + "/q/health/ready")).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private boolean becomes(int status, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (readiness() == status) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(postgresPort)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
    }
}
