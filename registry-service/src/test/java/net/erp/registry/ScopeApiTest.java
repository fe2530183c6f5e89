package net.erp.registry;

import static net.erp.registry.Api.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScopeApiTest {

    private String instanceId;

    @BeforeEach
    void newInstance() {
        instanceId = Api.createInstance();
    }

    private io.restassured.response.ValidatableResponse define(Map<String, Object> scope) {
        return asAdmin().body(scope).post("/api/instances/{i}/scopes", instanceId).then();
    }

    @Test
    void listWhenNewInstanceThenTheFiveBuiltInScopes() {
        asAdmin().get("/api/instances/{i}/scopes", instanceId)
                .then().statusCode(200)
                .body("name", hasItems("openid", "profile", "read", "update", "offline_access"))
                .body("size()", equalTo(5))
                .body("name", not(hasItem("admin")));
    }

    @Test
    void listWhenDefaultInstanceThenBuiltInScopes() {
        asAdmin().get("/api/instances/dev/scopes")
                .then().statusCode(200).body("name", hasItems("openid", "profile", "read", "update", "offline_access"));
    }

    @Test
    void createWhenValidThen201AndListed() {
        define(Map.of("name", "invoices.write", "description", "change invoices"))
                .statusCode(201).body("name", equalTo("invoices.write"));

        asAdmin().get("/api/instances/{i}/scopes", instanceId).then().body("name", hasItem("invoices.write"));
    }

    @Test
    void createWhenDefinedInOneInstanceThenNotInAnother() {
        define(Map.of("name", "only.here")).statusCode(201);

        asAdmin().get("/api/instances/{i}/scopes", Api.createInstance()).then().body("name", not(hasItem("only.here")));
    }

    @Test
    void createWhenExistsThen409() {
        define(Map.of("name", "stock.read")).statusCode(201);

        define(Map.of("name", "stock.read")).statusCode(409).body("error", equalTo("conflict"));
    }

    @Test
    void createWhenBuiltInNameThen409() {
        define(Map.of("name", "openid")).statusCode(409);
    }

    @Test
    void createWhenAdminThen400Reserved() {
        define(Map.of("name", "admin"))
                .statusCode(400).body("error_description", startsWith("name: 'admin' is reserved"));
    }

    @Test
    void createWhenSecThen400Reserved() {
        define(Map.of("name", "sec")).statusCode(400).body("error_description", startsWith("name: 'sec' is reserved"));
    }

    @Test
    void createWhenNameHasSpaceThen400() {
        define(Map.of("name", "stock read")).statusCode(400).body("error_description", startsWith("name:"));
    }

    @Test
    void createWhenNameMissingThen400() {
        define(Map.of("description", "nameless")).statusCode(400).body("error_description", startsWith("name:"));
    }

    @Test
    void createWhenDescriptionOverlongThen400() {
        define(Map.of("name", "long.one", "description", "x".repeat(501)))
                .statusCode(400).body("error_description", startsWith("description:"));
    }

    @Test
    void createWhenUnknownInstanceThen404() {
        asAdmin().body(Map.of("name", "x.y")).post("/api/instances/{i}/scopes", Api.newInstanceId())
                .then().statusCode(404).body("error", equalTo("unknown_instance"));
    }

    @Test
    void readWhenOwnScopeThenTheScope() {
        define(Map.of("name", "stock.read", "description", "read stock")).statusCode(201);

        asAdmin().get("/api/instances/{i}/scopes/{n}", instanceId, "stock.read")
                .then().statusCode(200).body("name", equalTo("stock.read")).body("description", equalTo("read stock"));
    }

    @Test
    void readWhenBuiltInThenTheScope() {
        asAdmin().get("/api/instances/{i}/scopes/{n}", instanceId, "offline_access")
                .then().statusCode(200).body("name", equalTo("offline_access"));
    }

    @Test
    void readWhenUnknownThen404UnknownScope() {
        asAdmin().get("/api/instances/{i}/scopes/{n}", instanceId, "nowhere")
                .then().statusCode(404).body("error", equalTo("unknown_scope"));
    }

    @Test
    void updateWhenOwnScopeThenDescriptionReplaced() {
        define(Map.of("name", "stock.read", "description", "read stock")).statusCode(201);

        asAdmin().body(Map.of("description", "read the stock levels"))
                .put("/api/instances/{i}/scopes/{n}", instanceId, "stock.read")
                .then().statusCode(200).body("name", equalTo("stock.read"))
                .body("description", equalTo("read the stock levels"));
        asAdmin().get("/api/instances/{i}/scopes/{n}", instanceId, "stock.read")
                .then().body("description", equalTo("read the stock levels"));
    }

    @Test
    void updateWhenDescriptionLeftOutThenRemoved() {
        define(Map.of("name", "stock.read", "description", "read stock")).statusCode(201);

        asAdmin().body(Map.of("name", "stock.read")).put("/api/instances/{i}/scopes/{n}", instanceId, "stock.read")
                .then().statusCode(200).body("description", nullValue());
    }

    @Test
    void updateWhenNameDiffersFromPathThen400NamingName() {
        define(Map.of("name", "stock.read")).statusCode(201);

        asAdmin().body(Map.of("name", "stock.write")).put("/api/instances/{i}/scopes/{n}", instanceId, "stock.read")
                .then().statusCode(400).body("error_description", startsWith("name:"));
    }

    @Test
    void updateWhenBuiltInThen400() {
        asAdmin().body(Map.of("description", "mine now")).put("/api/instances/{i}/scopes/{n}", instanceId, "read")
                .then().statusCode(400).body("error_description", startsWith("name: 'read' is built in"));
    }

    @Test
    void updateWhenUnknownThen404UnknownScope() {
        asAdmin().body(Map.of("description", "x")).put("/api/instances/{i}/scopes/{n}", instanceId, "nowhere")
                .then().statusCode(404).body("error", equalTo("unknown_scope"));
    }

    @Test
    void deleteWhenUnusedThen204AndGone() {
        define(Map.of("name", "stock.read")).statusCode(201);

        asAdmin().delete("/api/instances/{i}/scopes/{n}", instanceId, "stock.read").then().statusCode(204);

        asAdmin().get("/api/instances/{i}/scopes/{n}", instanceId, "stock.read").then().statusCode(404);
    }

    @Test
    void deleteWhenGrantedToAnAppThen409NamingItAndKept() {
        define(Map.of("name", "stock.read")).statusCode(201);
        var app = Api.serviceApp(Api.newClientId());
        app.put("scopes", List.of("read", "stock.read"));
        Api.createApp(instanceId, app);

        asAdmin().delete("/api/instances/{i}/scopes/{n}", instanceId, "stock.read")
                .then().statusCode(409).body("error", equalTo("conflict"))
                .body("error_description", containsString((String) app.get("clientId")));
        asAdmin().get("/api/instances/{i}/scopes/{n}", instanceId, "stock.read").then().statusCode(200);
    }

    @Test
    void deleteWhenAppNoLongerHoldsItThen204() {
        define(Map.of("name", "stock.read")).statusCode(201);
        var app = Api.serviceApp(Api.newClientId());
        app.put("scopes", List.of("stock.read"));
        Api.createApp(instanceId, app);
        app.put("scopes", List.of("read"));
        asAdmin().body(app).put("/api/instances/{i}/apps/{c}", instanceId, app.get("clientId"))
                .then().statusCode(200);

        asAdmin().delete("/api/instances/{i}/scopes/{n}", instanceId, "stock.read").then().statusCode(204);
    }

    @Test
    void deleteWhenBuiltInThen400() {
        asAdmin().delete("/api/instances/{i}/scopes/{n}", instanceId, "openid")
                .then().statusCode(400).body("error_description", startsWith("name: 'openid' is built in"));
    }

    @Test
    void deleteWhenUnknownThen404UnknownScope() {
        asAdmin().delete("/api/instances/{i}/scopes/{n}", instanceId, "nowhere")
                .then().statusCode(404).body("error", equalTo("unknown_scope"));
    }

    @Test
    void createAppWhenScopeDeletedThen400NamingTheScope() {
        define(Map.of("name", "stock.read")).statusCode(201);
        asAdmin().delete("/api/instances/{i}/scopes/{n}", instanceId, "stock.read").then().statusCode(204);
        var app = Api.serviceApp(Api.newClientId());
        app.put("scopes", List.of("stock.read"));

        asAdmin().body(app).post("/api/instances/{i}/apps", instanceId)
                .then().statusCode(400).body("error_description", startsWith("scopes[0]:"));
    }

    @Test
    void listWhenPagedThenBuiltInFirstThenOwnByName() {
        define(Map.of("name", "b.scope")).statusCode(201);
        define(Map.of("name", "a.scope")).statusCode(201);

        asAdmin().queryParam("first", 4).queryParam("max", 2).get("/api/instances/{i}/scopes", instanceId)
                .then().statusCode(200).body("name", contains("offline_access", "a.scope"));
        asAdmin().queryParam("first", 6).queryParam("max", 5).get("/api/instances/{i}/scopes", instanceId)
                .then().statusCode(200).body("name", contains("b.scope"));
    }
}
