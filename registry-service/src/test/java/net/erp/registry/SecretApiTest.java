package net.erp.registry;

import static io.restassured.RestAssured.given;
import static net.erp.registry.Api.asAdmin;
import static net.erp.registry.Api.newClientId;
import static net.erp.registry.Api.serviceApp;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.erp.fixtures.LogLines;
import net.erp.fixtures.RegistryStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecretApiTest {

    private String instanceId;
    private String clientId;

    @BeforeEach
    void newApp() {
        instanceId = Api.createInstance();
        clientId = newClientId();
        Api.createApp(instanceId, serviceApp(clientId));
    }

    private JsonPath createSecret() {
        return asAdmin().post("/api/instances/{i}/apps/{c}/secrets", instanceId, clientId)
                .then().statusCode(201).extract().jsonPath();
    }

    private boolean authenticates(String secret) {
        return given().header("X-Internal-Secret", RegistryStandIn.TEST_INTERNAL_SECRET).contentType("application/json")
                .body(Map.of("secret", secret))
                .post("/internal/instances/{i}/apps/{c}/authenticate", instanceId, clientId)
                .then().statusCode(200).extract().path("authenticated");
    }

    @Test
    void createWhenNoBodyThen201WithA256BitSecretShownOnce() {
        asAdmin().post("/api/instances/{i}/apps/{c}/secrets", instanceId, clientId)
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("secret.length()", equalTo(43))
                .body("createdAt", notNullValue())
                .body("expiresAt", nullValue());
    }

    @Test
    void createWhenExpiryInFutureThen201WithIt() {
        Instant expiresAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        asAdmin().body(Map.of("expiresAt", expiresAt.toString()))
                .post("/api/instances/{i}/apps/{c}/secrets", instanceId, clientId)
                .then().statusCode(201).body("expiresAt", equalTo(expiresAt.toString()));
    }

    @Test
    void createWhenExpiryInPastThen400NamingExpiresAt() {
        asAdmin().body(Map.of("expiresAt", Instant.now().minusSeconds(60).toString()))
                .post("/api/instances/{i}/apps/{c}/secrets", instanceId, clientId)
                .then().statusCode(400).body("error_description", startsWith("expiresAt:"));
    }

    @Test
    void createWhenExpiryNotATimeThen400NamingExpiresAt() {
        asAdmin().body(Map.of("expiresAt", "next tuesday"))
                .post("/api/instances/{i}/apps/{c}/secrets", instanceId, clientId)
                .then().statusCode(400).body("error_description", startsWith("field 'expiresAt'"));
    }

    @Test
    void createWhenPublicAppThen400NamingClientType() {
        String frontend = newClientId();
        Api.createApp(instanceId, Api.publicApp(frontend));

        asAdmin().post("/api/instances/{i}/apps/{c}/secrets", instanceId, frontend)
                .then().statusCode(400).body("error_description", startsWith("clientType:"));
    }

    @Test
    void createWhenUnknownAppThen404UnknownClient() {
        asAdmin().post("/api/instances/{i}/apps/{c}/secrets", instanceId, newClientId())
                .then().statusCode(404).body("error", equalTo("unknown_client"));
    }

    @Test
    void createWhenTenSecretsHeldThen400() {
        for (int i = 0; i < 10; i++) {
            createSecret();
        }

        asAdmin().post("/api/instances/{i}/apps/{c}/secrets", instanceId, clientId)
                .then().statusCode(400).body("error_description", startsWith("secrets:"));
    }

    @Test
    void createWhenTwentyRaceThenTenCreatedOthers400() throws Exception {
        var pool = Executors.newFixedThreadPool(20);
        var calls = new ArrayList<Future<Integer>>();

        try {
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> asAdmin().post("/api/instances/{i}/apps/{c}/secrets", instanceId, clientId)
                        .then().extract().statusCode()));
            }
            var statuses = new ArrayList<Integer>();
            for (var call : calls) {
                statuses.add(call.get());
            }

            assertEquals(10, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertEquals(10, statuses.stream().filter(status -> status == 400).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Twenty confidential apps, each turned PUBLIC while a secret is created for it, all at once: whichever
     * wins, no app ends PUBLIC with a secret.
     */
    @Test
    void createWhenAppTurnsPublicMeanwhileThenNeverAPublicAppWithASecret() throws Exception {
        var clientIds = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            clientIds.add(newClientId());
            Api.createApp(instanceId, appOfType(clientIds.get(i), "CONFIDENTIAL"));
        }
        var pool = Executors.newFixedThreadPool(40);

        try {
            var calls = new ArrayList<Future<Integer>>();
            for (String app : clientIds) {
                calls.add(pool.submit(() -> asAdmin().body(appOfType(app, "PUBLIC"))
                        .put("/api/instances/{i}/apps/{c}", instanceId, app).then().extract().statusCode()));
                calls.add(pool.submit(() -> asAdmin().post("/api/instances/{i}/apps/{c}/secrets", instanceId, app)
                        .then().extract().statusCode()));
            }
            for (var call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (String app : clientIds) {
            String type = asAdmin().get("/api/instances/{i}/apps/{c}", instanceId, app).then().extract()
                    .path("clientType");
            int secrets = asAdmin().get("/api/instances/{i}/apps/{c}/secrets", instanceId, app).then().extract()
                    .path("size()");
            assertFalse("PUBLIC".equals(type) && secrets > 0, app + " is PUBLIC and holds " + secrets + " secret(s)");
        }
    }

    /** An app of the type without a system user, which a PUBLIC app may not have. */
    private static Map<String, Object> appOfType(String clientId, String clientType) {
        return Map.of("clientId", clientId, "name", "App " + clientId, "clientType", clientType,
                "scopes", java.util.List.of("read"));
    }

    @Test
    void createWhenOperatorAppThen400() {
        asAdmin().post("/api/instances/dev/apps/operator/secrets").then().statusCode(400);
    }

    @Test
    void listWhenSecretsThenNoValues() {
        String id = createSecret().getString("id");

        asAdmin().get("/api/instances/{i}/apps/{c}/secrets", instanceId, clientId)
                .then().statusCode(200)
                .body("[0].id", equalTo(id))
                .body("[0].active", equalTo(true))
                .body("[0]", not(hasKey("secret")));
    }

    @Test
    void authenticateWhenSecretCreatedThenAuthenticated() {
        String secret = createSecret().getString("secret");

        assertTrue(authenticates(secret));
    }

    @Test
    void rotationWhenTwoSecretsThenBothAuthenticate() {
        String old = createSecret().getString("secret");
        String fresh = createSecret().getString("secret");

        assertTrue(authenticates(old));
        assertTrue(authenticates(fresh));
    }

    @Test
    void rotationWhenOldDeletedThenOnlyNewAuthenticates() {
        JsonPath old = createSecret();
        String fresh = createSecret().getString("secret");

        asAdmin().delete("/api/instances/{i}/apps/{c}/secrets/{s}", instanceId, clientId, old.getString("id"))
                .then().statusCode(204);

        assertFalse(authenticates(old.getString("secret")));
        assertTrue(authenticates(fresh));
    }

    @Test
    void deleteWhenUnknownSecretThen404UnknownSecret() {
        asAdmin().delete("/api/instances/{i}/apps/{c}/secrets/{s}", instanceId, clientId,
                java.util.UUID.randomUUID().toString())
                .then().statusCode(404).body("error", equalTo("unknown_secret"));
    }

    @Test
    void deleteWhenSecretOfAnotherAppThen404AndKept() {
        String other = newClientId();
        Api.createApp(instanceId, serviceApp(other));
        JsonPath secret = createSecret();

        asAdmin().delete("/api/instances/{i}/apps/{c}/secrets/{s}", instanceId, other, secret.getString("id"))
                .then().statusCode(404);
        assertTrue(authenticates(secret.getString("secret")));
    }

    @Test
    void deleteWhenSecretIdMalformedThen404UnknownSecret() {
        asAdmin().delete("/api/instances/{i}/apps/{c}/secrets/{s}", instanceId, clientId, "not-a-uuid")
                .then().statusCode(404).body("error", equalTo("unknown_secret"));
    }

    @Test
    void createWhenSecretGeneratedThenValueNeitherStoredNorLogged() {
        try (LogLines everything = LogLines.of("")) {
            String secret = createSecret().getString("secret");

            var stored = Tables.secretRowsOf(instanceId, clientId);
            assertEquals(1 + 5, stored.size());
            assertTrue(stored.stream().noneMatch(value -> value != null && value.contains(secret)));
            assertFalse(everything.lines().isEmpty());
            assertTrue(everything.lines().stream().noneMatch(line -> line.contains(secret)));
        }
    }
}
