package net.erp.registry;

import static net.erp.registry.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
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
}
