package net.erp.identity.keys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.erp.fixtures.RegistryStandIn;
import net.erp.fixtures.Stores;
import net.erp.identity.TestOperator;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two identity-service processes of the packaged application on one database and one Redis: each verifies
 * the tokens the other signs, also across a key rotation made by one of them. Both start together; the
 * second runs behind a proxy ({@code PROXY_FORWARDING=true}) that it trusts at 127.0.0.1 only
 * ({@code TRUSTED_PROXIES}).
 */
class TwoReplicasIT {

    private static final String TRUSTED_PROXY = "127.0.0.1";
    private static final List<Replica> REPLICAS = new ArrayList<>();
    private static int firstPort;
    private static int secondPort;

    private final TestTenant tenant = TestTenant.create();

    private record Replica(Process process, int port, File log) {
    }

    @BeforeAll
    static void startReplicas() throws Exception {
        REPLICAS.add(start("first-replica.log", false));
        REPLICAS.add(start("second-replica.log", true));
        for (Replica replica : REPLICAS) {
            awaitReady(replica);
        }
        firstPort = REPLICAS.get(0).port();
        secondPort = REPLICAS.get(1).port();
        RestAssured.port = firstPort;
    }

    @AfterAll
    static void stopReplicas() throws InterruptedException {
        for (Replica replica : REPLICAS) {
            replica.process().destroy();
            replica.process().waitFor();
        }
        RestAssured.reset();
    }

    private static Replica start(String logName, boolean proxyForwarding) throws IOException {
        int port = freePort();
        Stores.Address postgres = Stores.postgres();
        Stores.Address redis = Stores.redis();
        File log = new File("target", logName);
        var builder = new ProcessBuilder(List.of(javaBinary(), "-Dquarkus.profile=test",
                "-Didentity.proxy-forwarding=" + proxyForwarding,
                "-Dquarkus.http.port=" + port, "-Ddb.host=" + postgres.host(), "-Ddb.port=" + postgres.port(),
                "-Dredis.host=" + redis.host(), "-Dredis.port=" + redis.port(),
                "-Dplatform.registry-url=" + RegistryStandIn.shared().baseUrl(),
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log);
        if (proxyForwarding) {
            builder.environment().put("TRUSTED_PROXIES", TRUSTED_PROXY);
        }
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return new Replica(process, port, log);
    }

    @Test
    void whenFirstReplicaSignsThenSecondVerifies() {
        String token = tenant.token(tenant.app());

        introspect(secondPort, token).body("active", equalTo(true));
    }

    @Test
    void whenSecondReplicaSignsThenFirstVerifies() {
        TestApp app = tenant.app();
        String token = given().port(secondPort).header("Host", tenant.host())
                .auth().preemptive().basic(app.clientId(), app.secret())
                .formParam("grant_type", "client_credentials").post("/id/connect/token")
                .then().statusCode(200).extract().path("access_token");

        introspect(firstPort, token).body("active", equalTo(true));
    }

    @Test
    void whenFirstReplicaRotatesThenSecondVerifiesTokensOfTheNewKey() throws InterruptedException {
        TestApp app = tenant.app();
        String newKid = given().auth().oauth2(TestOperator.token()).post("/api/signing-keys/rotate")
                .then().statusCode(200).extract().path("kid");

        String token = tokenSignedBy(app, newKid);

        introspect(secondPort, token).body("active", equalTo(true));
    }

    @Test
    void whenProxyForwardingEnabledThenForwardedHostAndSchemeMakeTheIssuer() {
        given().port(secondPort).header("Host", "proxy.internal.test")
                .header("X-Forwarded-Host", tenant.host()).header("X-Forwarded-Proto", "https")
                .get("/id/.well-known/openid-configuration")
                .then().statusCode(200).body("issuer", equalTo("https://" + tenant.host() + "/id"));
    }

    @Test
    void whenForwardedHeadersComeFromAnUntrustedAddressThenTheHostMakesTheIssuer() throws IOException {
        String request = "GET /id/.well-known/openid-configuration HTTP/1.1\r\nHost: " + tenant.host()
                + "\r\nX-Forwarded-Host: forged.example\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n";
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName(TRUSTED_PROXY), secondPort), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response, startsWith("HTTP/1.1 200"));
            assertThat(response, containsString("\"issuer\":\"http://" + tenant.host() + "/id\""));
        }
    }

    private ValidatableResponse introspect(int port, String token) {
        TestApp caller = tenant.app();
        return given().port(port).header("Host", tenant.host())
                .auth().preemptive().basic(caller.clientId(), caller.secret())
                .formParam("token", token).post("/id/connect/introspect").then().statusCode(200);
    }

    private String tokenSignedBy(TestApp app, String kid) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            String token = tenant.token(app);
            String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]));
            if (header.contains("\"" + kid + "\"")) {
                return token;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the new key never started signing");
    }

    private static void awaitReady(Replica replica) throws InterruptedException {
        long deadline = System.currentTimeMillis() + Duration.ofSeconds(120).toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!replica.process().isAlive()) {
                throw new AssertionError("a replica stopped; see target/" + replica.log().getName());
            }
            try {
                if (given().port(replica.port()).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("a replica did not become ready; see target/" + replica.log().getName());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
