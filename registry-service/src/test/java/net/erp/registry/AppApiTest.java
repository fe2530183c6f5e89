package net.erp.registry;

import static net.erp.registry.Api.asAdmin;
import static net.erp.registry.Api.createApp;
import static net.erp.registry.Api.newClientId;
import static net.erp.registry.Api.publicApp;
import static net.erp.registry.Api.serviceApp;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AppApiTest {

    private String instanceId;

    @BeforeEach
    void newInstance() {
        instanceId = Api.createInstance();
    }

    @Test
    void createWhenServiceAppThen201WithDefaults() {
        String clientId = newClientId();

        asAdmin().body(serviceApp(clientId)).post("/api/instances/{i}/apps", instanceId)
                .then().statusCode(201)
                .header("Location", containsString("/apps/" + clientId.replace("/", "%2F")))
                .body("clientId", equalTo(clientId))
                .body("clientType", equalTo("CONFIDENTIAL"))
                .body("redirectUris.size()", equalTo(0))
                .body("internalUsersAllowed", equalTo(false))
                .body("communityUsersAllowed", equalTo(false))
                .body("systemUserAllowed", equalTo(true))
                .body("scopes", contains("read", "update"))
                .body("referenceTokens", equalTo("NONE"))
                .body("enabled", equalTo(true));
    }

    @Test
    void createWhenPublicAppWithLoopbackRedirectThen201() {
        String clientId = newClientId();

        asAdmin().body(publicApp(clientId)).post("/api/instances/{i}/apps", instanceId)
                .then().statusCode(201)
                .body("clientType", equalTo("PUBLIC"))
                .body("systemUser", nullValue())
                .body("redirectUris", hasItem("http://localhost:4200/callback"));
    }

    @Test
    void createWhenHybridAppThen201() {
        var app = serviceApp(newClientId());
        app.put("internalUsersAllowed", true);
        app.put("communityUsersAllowed", true);
        app.put("redirectUris", List.of("https://erp.example.com/signin"));
        app.put("referenceTokens", "AUTHENTICATED_USERS");

        asAdmin().body(app).post("/api/instances/{i}/apps", instanceId)
                .then().statusCode(201).body("referenceTokens", equalTo("AUTHENTICATED_USERS"));
    }

    @Test
    void createWhenInstanceScopeThen201() {
        asAdmin().body(Map.of("name", "invoices.read", "description", "read invoices"))
                .post("/api/instances/{i}/scopes", instanceId).then().statusCode(201);
        var app = serviceApp(newClientId());
        app.put("scopes", List.of("invoices.read"));

        asAdmin().body(app).post("/api/instances/{i}/apps", instanceId)
                .then().statusCode(201).body("scopes", contains("invoices.read"));
    }

    @Test
    void readWhenClientIdUrlEncodedThenTheApp() {
        String clientId = newClientId();
        createApp(instanceId, serviceApp(clientId));

        asAdmin().urlEncodingEnabled(false)
                .get("/api/instances/" + instanceId + "/apps/" + clientId.replace("/", "%2F"))
                .then().statusCode(200).body("clientId", equalTo(clientId));
    }

    @Test
    void readWhenClientIdIsUriWithColonsThenTheApp() {
        String clientId = "urn:vendor:" + newClientId();
        createApp(instanceId, serviceApp(clientId));

        asAdmin().get("/api/instances/{i}/apps/{c}", instanceId, clientId)
                .then().statusCode(200).body("clientId", equalTo(clientId));
    }

    @Test
    void listWhenCreatedThenIncluded() {
        String clientId = newClientId();
        createApp(instanceId, serviceApp(clientId));

        asAdmin().get("/api/instances/{i}/apps", instanceId).then().statusCode(200).body("clientId", hasItem(clientId));
    }

    @Test
    void listWhenPagedThenTheAppsOfThePageByClientId() {
        createApp(instanceId, serviceApp("com.vendor/c"));
        createApp(instanceId, serviceApp("com.vendor/a"));
        createApp(instanceId, serviceApp("com.vendor/b"));

        asAdmin().queryParam("first", 1).queryParam("max", 2).get("/api/instances/{i}/apps", instanceId)
                .then().statusCode(200).body("clientId", contains("com.vendor/b", "com.vendor/c"));
    }

    @Test
    void listWhenMaxAboveTheCapThen400NamingMax() {
        asAdmin().queryParam("max", 5000).get("/api/instances/{i}/apps", instanceId)
                .then().statusCode(400).body("error_description", startsWith("max:"));
    }

    @Test
    void readWhenUnknownThen404UnknownClient() {
        asAdmin().get("/api/instances/{i}/apps/{c}", instanceId, newClientId())
                .then().statusCode(404).body("error", equalTo("unknown_client"));
    }

    @Test
    void listWhenUnknownInstanceThen404UnknownInstance() {
        asAdmin().get("/api/instances/{i}/apps", Api.newInstanceId())
                .then().statusCode(404).body("error", equalTo("unknown_instance"));
    }

    @Test
    void createWhenUnknownInstanceThen404UnknownInstance() {
        asAdmin().body(serviceApp(newClientId())).post("/api/instances/{i}/apps", Api.newInstanceId())
                .then().statusCode(404).body("error", equalTo("unknown_instance"));
    }

    @Test
    void createWhenClientIdTakenInInstanceThen409NamingIt() {
        String clientId = newClientId();
        createApp(instanceId, serviceApp(clientId));

        asAdmin().body(serviceApp(clientId)).post("/api/instances/{i}/apps", instanceId)
                .then().statusCode(409).body("error", equalTo("conflict"))
                .body("error_description", containsString(clientId));
    }

    @Test
    void createWhenSameClientIdRacesThenOneCreatedOthers409() throws Exception {
        var app = serviceApp(newClientId());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> asAdmin().body(app).post("/api/instances/{i}/apps", instanceId)
                        .then().extract().statusCode()));
            }

            var statuses = new java.util.ArrayList<Integer>();
            for (var call : calls) {
                statuses.add(call.get());
            }
            assertEquals(1, statuses.stream().filter(status -> status == 201).count());
            assertEquals(3, statuses.stream().filter(status -> status == 409).count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createWhenClientIdTakenInAnotherInstanceThen201() {
        String clientId = newClientId();
        createApp(Api.createInstance(), serviceApp(clientId));

        asAdmin().body(serviceApp(clientId)).post("/api/instances/{i}/apps", instanceId).then().statusCode(201);
    }

    @Test
    void updateWhenValidThenReplacesTheRecord() {
        String clientId = newClientId();
        createApp(instanceId, serviceApp(clientId));
        var changed = serviceApp(clientId);
        changed.put("name", "Renamed");
        changed.put("scopes", List.of("read"));

        asAdmin().body(changed).put("/api/instances/{i}/apps/{c}", instanceId, clientId)
                .then().statusCode(200).body("name", equalTo("Renamed"));
        asAdmin().get("/api/instances/{i}/apps/{c}", instanceId, clientId)
                .then().body("name", equalTo("Renamed")).body("scopes", contains("read"));
    }

    @Test
    void updateWhenUnknownThen404UnknownClient() {
        String clientId = newClientId();

        asAdmin().body(serviceApp(clientId)).put("/api/instances/{i}/apps/{c}", instanceId, clientId)
                .then().statusCode(404).body("error", equalTo("unknown_client"));
    }

    @Test
    void deleteWhenPresentThen204AndGone() {
        String clientId = newClientId();
        createApp(instanceId, serviceApp(clientId));

        asAdmin().delete("/api/instances/{i}/apps/{c}", instanceId, clientId).then().statusCode(204);
        asAdmin().get("/api/instances/{i}/apps/{c}", instanceId, clientId).then().statusCode(404);
    }

    @Test
    void deleteWhenUnknownThen404UnknownClient() {
        asAdmin().delete("/api/instances/{i}/apps/{c}", instanceId, newClientId())
                .then().statusCode(404).body("error", equalTo("unknown_client"));
    }

    @Test
    void deleteInstanceWhenAppsThenAppsGone() {
        String clientId = newClientId();
        createApp(instanceId, serviceApp(clientId));

        asAdmin().delete("/api/instances/{i}", instanceId).then().statusCode(204);

        asAdmin().get("/api/instances/{i}/apps/{c}", instanceId, clientId).then().statusCode(404);
        assertTrue(Tables.secretRowsOf(instanceId, clientId).isEmpty());
    }

    @Test
    void updateWhenOperatorAppThen400() {
        asAdmin().body(serviceApp("operator")).put("/api/instances/dev/apps/operator")
                .then().statusCode(400).body("error_description", containsString("operator"));
    }

    @Test
    void deleteWhenOperatorAppThen400() {
        asAdmin().delete("/api/instances/dev/apps/operator").then().statusCode(400);
    }

    @Test
    void startWhenOperatorConfiguredThenAppWithScopeAdmin() {
        asAdmin().get("/api/instances/dev/apps/operator")
                .then().statusCode(200).body("scopes", hasItem("admin")).body("systemUser", equalTo("operator"))
                .body("clientType", equalTo("CONFIDENTIAL"));
    }
}
