package net.erp.registry;

import static io.restassured.RestAssured.given;
import static net.erp.registry.Api.asAdmin;
import static net.erp.registry.Api.newClientId;
import static net.erp.registry.Api.serviceApp;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.erp.fixtures.RegistryStandIn;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InternalApiTest {

    private String instanceId;
    private String host;
    private String clientId;

    @BeforeEach
    void newApp() {
        instanceId = Api.newInstanceId();
        host = Api.newHost();
        var instance = Api.instance(instanceId);
        instance.put("hostnames", List.of(host));
        asAdmin().body(instance).post("/api/instances").then().statusCode(201);
        clientId = newClientId();
        Api.createApp(instanceId, serviceApp(clientId));
    }

    private static RequestSpecification internal() {
        return given().header("X-Internal-Secret", RegistryStandIn.TEST_INTERNAL_SECRET)
                .contentType("application/json");
    }

    private String newSecret(Map<String, Object> body) {
        return asAdmin().body(body).post("/api/instances/{i}/apps/{c}/secrets", instanceId, clientId)
                .then().statusCode(201).extract().path("secret");
    }

    private io.restassured.response.ValidatableResponse authenticate(String client, String secret) {
        var body = new HashMap<String, Object>();
        body.put("secret", secret);
        return internal().body(body).post("/internal/instances/{i}/apps/{c}/authenticate", instanceId, client)
                .then();
    }

    @Test
    void hostWhenListedThenTheInstance() {
        internal().get("/internal/hosts/{h}", host).then().statusCode(200).body("id", equalTo(instanceId));
    }

    @Test
    void hostWhenOtherCaseAndPortThenTheInstance() {
        internal().get("/internal/hosts/{h}", host.toUpperCase() + ":8443")
                .then().statusCode(200).body("id", equalTo(instanceId));
    }

    @Test
    void hostWhenDefaultLoopbackThenDefaultInstance() {
        internal().get("/internal/hosts/127.0.0.1:8080").then().statusCode(200).body("id", equalTo("dev"));
    }

    @Test
    void hostWhenUnknownThen404UnknownInstance() {
        internal().get("/internal/hosts/{h}", Api.newHost())
                .then().statusCode(404).body("error", equalTo("unknown_instance"));
    }

    @Test
    void hostWhenInstanceUpdatedThenNewHostAnswers() {
        String moved = Api.newHost();
        var instance = Api.instance(instanceId);
        instance.put("hostnames", List.of(moved));
        asAdmin().body(instance).put("/api/instances/{i}", instanceId).then().statusCode(200);

        internal().get("/internal/hosts/{h}", moved).then().statusCode(200).body("id", equalTo(instanceId));
        internal().get("/internal/hosts/{h}", host).then().statusCode(404);
    }

    @Test
    void instanceWhenPresentThenTheRecord() {
        internal().get("/internal/instances/{i}", instanceId)
                .then().statusCode(200).body("licenseLimit", equalTo(5)).body("reservedAccounts[0]", equalTo("ops"));
    }

    @Test
    void instanceWhenUnknownThen404UnknownInstance() {
        internal().get("/internal/instances/{i}", Api.newInstanceId())
                .then().statusCode(404).body("error", equalTo("unknown_instance"));
    }

    @Test
    void internalCallWhenNoSecretHeaderThen401InvalidClient() {
        given().get("/internal/instances/{i}", instanceId)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void internalCallWhenAdminTokenInsteadOfSecretThen401() {
        given().auth().oauth2(Api.adminToken()).get("/internal/instances/{i}", instanceId)
                .then().statusCode(401);
    }

    @Test
    void appWhenPresentThenRecordWithoutSecrets() {
        internal().get("/internal/instances/{i}/apps/{c}", instanceId, clientId)
                .then().statusCode(200).body("clientId", equalTo(clientId)).body("systemUserAllowed", equalTo(true));
    }

    @Test
    void authenticateWhenSecretMatchesThenAuthenticatedWithApp() {
        String secret = newSecret(Map.of());

        authenticate(clientId, secret).statusCode(200)
                .body("authenticated", equalTo(true))
                .body("app.clientId", equalTo(clientId))
                .body("app.scopes[0]", equalTo("read"))
                .body("$", hasKey("secretExpiresAt"))
                .body("secretExpiresAt", nullValue());
    }

    @Test
    void authenticateWhenSecretExpiresThenItsExpiry() {
        String expiresAt = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        String secret = newSecret(Map.of("expiresAt", expiresAt));

        authenticate(clientId, secret).body("authenticated", equalTo(true)).body("secretExpiresAt", equalTo(expiresAt));
    }

    @Test
    void authenticateWhenSecretWrongThenNotAuthenticated() {
        newSecret(Map.of());

        authenticate(clientId, "not-the-secret").statusCode(200).body("authenticated", equalTo(false))
                .body("app.clientId", equalTo(clientId));
    }

    @Test
    void authenticateWhenNoSecretForConfidentialAppThenNotAuthenticated() {
        newSecret(Map.of());

        authenticate(clientId, null).statusCode(200).body("authenticated", equalTo(false));
    }

    @Test
    void authenticateWhenSecretExpiredThenNotAuthenticated() {
        String secret = newSecret(Map.of());
        String secretId = asAdmin().get("/api/instances/{i}/apps/{c}/secrets", instanceId, clientId)
                .then().extract().path("[0].id");
        Tables.expireSecret(secretId);

        authenticate(clientId, secret).body("authenticated", equalTo(false));
    }

    @Test
    void authenticateWhenAppDisabledThenNotAuthenticated() {
        String secret = newSecret(Map.of());
        var disabled = serviceApp(clientId);
        disabled.put("enabled", false);
        asAdmin().body(disabled).put("/api/instances/{i}/apps/{c}", instanceId, clientId).then().statusCode(200);

        authenticate(clientId, secret).body("authenticated", equalTo(false)).body("app.enabled", equalTo(false));
    }

    @Test
    void authenticateWhenPublicAppWithoutSecretThenAuthenticated() {
        String frontend = newClientId();
        Api.createApp(instanceId, Api.publicApp(frontend));

        authenticate(frontend, null).body("authenticated", equalTo(true)).body("app.clientType", equalTo("PUBLIC"));
    }

    @Test
    void authenticateWhenPublicAppSendsSecretThenNotAuthenticated() {
        String frontend = newClientId();
        Api.createApp(instanceId, Api.publicApp(frontend));

        authenticate(frontend, "anything").body("authenticated", equalTo(false));
    }

    @Test
    void authenticateWhenUnknownClientThen404UnknownClient() {
        authenticate(newClientId(), "x").statusCode(404).body("error", equalTo("unknown_client"));
    }

    @Test
    void authenticateWhenSecretOfSameAppInAnotherInstanceThenNotAuthenticated() {
        String otherInstance = Api.createInstance();
        Api.createApp(otherInstance, serviceApp(clientId));
        String foreign = asAdmin().post("/api/instances/{i}/apps/{c}/secrets", otherInstance, clientId)
                .then().statusCode(201).extract().path("secret");
        newSecret(Map.of());

        authenticate(clientId, foreign).body("authenticated", equalTo(false));
    }

    @Test
    void authenticateWhenOperatorWithConfiguredSecretThenAuthenticated() {
        String configured = ConfigProvider.getConfig().getValue("registry.operator.client-secret", String.class);

        internal().body(Map.of("secret", configured))
                .post("/internal/instances/dev/apps/operator/authenticate")
                .then().statusCode(200).body("authenticated", equalTo(true)).body("app.scopes", notNullValue());
    }

    @Test
    void authenticateWhenUnknownFieldThen400() {
        internal().body(Map.of("secret", "x", "password", "y"))
                .post("/internal/instances/{i}/apps/{c}/authenticate", instanceId, clientId)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }
}
