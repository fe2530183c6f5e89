package net.erp.identity.keys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.ValidatableResponse;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
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
 * the tokens the other signs, also across a key rotation made by one of them.
 */
@QuarkusIntegrationTest
class TwoReplicasIT {

    private static Process second;
    private static int secondPort;

    private final TestTenant tenant = TestTenant.create();

    @BeforeAll
    static void startSecondReplica() throws Exception {
        secondPort = freePort();
        Stores.Address postgres = Stores.postgres();
        Stores.Address redis = Stores.redis();
        second = new ProcessBuilder(List.of(javaBinary(), "-Dquarkus.profile=test",
                "-Dquarkus.http.port=" + secondPort, "-Ddb.host=" + postgres.host(), "-Ddb.port=" + postgres.port(),
                "-Dredis.host=" + redis.host(), "-Dredis.port=" + redis.port(),
                "-Dplatform.registry-url=" + RegistryStandIn.shared().baseUrl(),
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()))
                .redirectErrorStream(true)
                .redirectOutput(new File("target", "second-replica.log"))
                .start();
        awaitReady();
    }

    @AfterAll
    static void stopSecondReplica() throws InterruptedException {
        if (second != null) {
            second.destroy();
            second.waitFor();
        }
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

        introspect(io.restassured.RestAssured.port, token).body("active", equalTo(true));
    }

    @Test
    void whenFirstReplicaRotatesThenSecondVerifiesTokensOfTheNewKey() throws InterruptedException {
        TestApp app = tenant.app();
        String newKid = given().auth().oauth2(TestOperator.token()).post("/api/signing-keys/rotate")
                .then().statusCode(200).extract().path("kid");

        String token = tokenSignedBy(app, newKid);

        introspect(secondPort, token).body("active", equalTo(true));
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

    private static void awaitReady() throws InterruptedException {
        long deadline = System.currentTimeMillis() + Duration.ofSeconds(90).toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!second.isAlive()) {
                throw new AssertionError("the second replica stopped; see target/second-replica.log");
            }
            try {
                if (given().port(secondPort).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the second replica did not become ready; see target/second-replica.log");
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
