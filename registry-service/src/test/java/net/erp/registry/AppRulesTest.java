package net.erp.registry;

import static net.erp.registry.Api.asAdmin;
import static net.erp.registry.Api.newClientId;
import static net.erp.registry.Api.publicApp;
import static net.erp.registry.Api.serviceApp;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each rule of a Trusted Application: one input changed from a valid request, refused, nothing written. */
@QuarkusTest
class AppRulesTest {

    private String instanceId;

    @BeforeEach
    void newInstance() {
        instanceId = Api.createInstance();
    }

    private void refused(Map<String, Object> app, String description) {
        asAdmin().body(app).post("/api/instances/{i}/apps", instanceId)
                .then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", startsWith(description));
        if (app.get("clientId") instanceof String clientId) {
            asAdmin().get("/api/instances/{i}/apps/{c}", instanceId, clientId).then().statusCode(404);
        }
    }

    private static Map<String, Object> service(String field, Object value) {
        var app = serviceApp(newClientId());
        app.put(field, value);
        return app;
    }

    private static Map<String, Object> frontend(String field, Object value) {
        var app = publicApp(newClientId());
        app.put(field, value);
        return app;
    }

    @Test
    void createWhenClientIdMissingThen400() {
        var app = serviceApp(newClientId());
        app.remove("clientId");

        refused(app, "clientId:");
    }

    @Test
    void createWhenClientIdHasSpaceThen400() {
        refused(service("clientId", "com.vendor/my app"), "clientId:");
    }

    @Test
    void createWhenClientIdOverlongThen400() {
        refused(service("clientId", "com.vendor/" + "a".repeat(200)), "clientId:");
    }

    @Test
    void createWhenNameMissingThen400() {
        refused(service("name", null), "name:");
    }

    @Test
    void createWhenNameEmptyThen400() {
        refused(service("name", ""), "name:");
    }

    @Test
    void createWhenClientTypeMissingThen400() {
        refused(service("clientType", null), "clientType:");
    }

    @Test
    void createWhenClientTypeUnknownThen400() {
        refused(service("clientType", "SECRET"), "field 'clientType'");
    }

    @Test
    void createWhenPublicAppHasSystemUserAllowedThen400() {
        var app = frontend("systemUserAllowed", true);
        app.put("systemUser", "batch");

        refused(app, "systemUserAllowed:");
    }

    @Test
    void createWhenSystemUserAllowedWithoutSystemUserThen400() {
        refused(service("systemUser", null), "systemUser:");
    }

    @Test
    void createWhenSystemUserWithoutSystemUserAllowedThen400() {
        refused(service("systemUserAllowed", false), "systemUser:");
    }

    @Test
    void createWhenRedirectUriRelativeThen400() {
        refused(frontend("redirectUris", List.of("/callback")), "redirectUris[0]:");
    }

    @Test
    void createWhenRedirectUriHasFragmentThen400() {
        refused(frontend("redirectUris", List.of("https://app.example.com/cb#top")), "redirectUris[0]:");
    }

    @Test
    void createWhenRedirectUriHttpOnPublicHostThen400() {
        refused(frontend("redirectUris", List.of("http://app.example.com/cb")), "redirectUris[0]:");
    }

    @Test
    void createWhenRedirectUriHttpOnEachLoopbackHostThen201() {
        var app = frontend("redirectUris",
                List.of("http://localhost:4200/cb", "http://127.0.0.1:8080/cb", "http://[::1]:8080/cb"));

        asAdmin().body(app).post("/api/instances/{i}/apps", instanceId).then().statusCode(201);
    }

    @Test
    void createWhenRedirectUriHttpOnHostNamedLikeLoopbackThen400() {
        refused(frontend("redirectUris", List.of("http://localhost.example.com/cb")), "redirectUris[0]:");
    }

    @Test
    void createWhenRedirectUriInvalidThen400() {
        refused(frontend("redirectUris", List.of("https://app example.com/cb")), "redirectUris[0]:");
    }

    @Test
    void createWhenPostLogoutRedirectUriHttpOnPublicHostThen400() {
        refused(frontend("postLogoutRedirectUris", List.of("http://app.example.com/")),
                "postLogoutRedirectUris[0]:");
    }

    @Test
    void createWhenUsersAllowedWithoutRedirectUriThen400() {
        refused(frontend("redirectUris", List.of()), "redirectUris:");
    }

    @Test
    void createWhenScopeUnknownInInstanceThen400() {
        refused(service("scopes", List.of("read", "payroll")), "scopes[1]:");
    }

    @Test
    void createWhenScopeAdminThen400() {
        refused(service("scopes", List.of("admin")), "scopes[0]: 'admin' is reserved");
    }

    @Test
    void createWhenScopeSecThen400() {
        refused(service("scopes", List.of("read", "sec")), "scopes[1]: 'sec' is reserved");
    }

    @Test
    void createWhenScopeRepeatedThen400() {
        refused(service("scopes", List.of("read", "read")), "scopes[1]:");
    }

    @Test
    void createWhenReferenceTokensUnknownThen400() {
        refused(service("referenceTokens", "EVERYONE"), "field 'referenceTokens'");
    }

    @Test
    void createWhenEnabledIsTextThen400() {
        refused(service("enabled", "yes"), "field 'enabled'");
    }

    @Test
    void createWhenNameIsNumberThen400() {
        refused(service("name", 42), "field 'name'");
    }

    @Test
    void createWhenRedirectUrisNotAListThen400() {
        refused(frontend("redirectUris", "https://app.example.com/cb"), "field 'redirectUris'");
    }

    @Test
    void createWhenUnknownFieldThen400() {
        refused(service("clientSecret", "chosen-by-me"), "unknown field 'clientSecret'");
    }

    @Test
    void updateWhenClientIdDiffersFromPathThen400() {
        String clientId = newClientId();
        Api.createApp(instanceId, serviceApp(clientId));

        asAdmin().body(serviceApp(newClientId())).put("/api/instances/{i}/apps/{c}", instanceId, clientId)
                .then().statusCode(400).body("error_description", startsWith("clientId:"));
    }

    @Test
    void updateWhenScopeAdminThen400AndUnchanged() {
        String clientId = newClientId();
        Api.createApp(instanceId, serviceApp(clientId));
        var app = serviceApp(clientId);
        app.put("scopes", List.of("read", "admin"));

        asAdmin().body(app).put("/api/instances/{i}/apps/{c}", instanceId, clientId)
                .then().statusCode(400).body("error_description", startsWith("scopes[1]:"));
        asAdmin().get("/api/instances/{i}/apps/{c}", instanceId, clientId)
                .then().body("scopes", org.hamcrest.Matchers.contains("read", "update"));
    }

    @Test
    void updateWhenMadePublicWhileHoldingSecretsThen400() {
        String clientId = newClientId();
        Api.createApp(instanceId, serviceApp(clientId));
        asAdmin().post("/api/instances/{i}/apps/{c}/secrets", instanceId, clientId).then().statusCode(201);

        asAdmin().body(publicApp(clientId)).put("/api/instances/{i}/apps/{c}", instanceId, clientId)
                .then().statusCode(400).body("error_description", startsWith("clientType:"));
    }
}
