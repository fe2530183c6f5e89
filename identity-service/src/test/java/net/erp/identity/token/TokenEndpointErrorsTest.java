package net.erp.identity.token;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import net.erp.fixtures.RegistryStandIn;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import org.junit.jupiter.api.Test;

/** Every refusal of the token endpoint the SPEC lists, each from an otherwise valid request. */
@QuarkusTest
class TokenEndpointErrorsTest {

    private final TestTenant tenant = TestTenant.create();

    private RequestSpecification basic(TestApp app) {
        return tenant.request().auth().preemptive().basic(app.clientId(), app.secret());
    }

    @Test
    void whenUnknownClientThenInvalidClientWithBasicChallenge() {
        TestApp app = tenant.app();

        tenant.request().auth().preemptive().basic("com.test/nobody", app.secret())
                .formParam("grant_type", "client_credentials").post("/id/connect/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"))
                .header("WWW-Authenticate", startsWith("Basic"));
    }

    @Test
    void whenWrongSecretThenInvalidClient() {
        TestApp app = tenant.app();

        tenant.request().auth().preemptive().basic(app.clientId(), app.secret() + "x")
                .formParam("grant_type", "client_credentials").post("/id/connect/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void whenWrongSecretByPostThenInvalidClientWithoutChallenge() {
        TestApp app = tenant.app();

        tenant.request().formParam("grant_type", "client_credentials")
                .formParam("client_id", app.clientId()).formParam("client_secret", "wrong")
                .post("/id/connect/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"))
                .header("WWW-Authenticate", (String) null);
    }

    @Test
    void whenSecretExpiredThenInvalidClient() {
        TestApp app = tenant.app();
        app.record().secret(app.secret(), Instant.now().minusSeconds(1)).put();

        tenant.tokenResponse(app).then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void whenAppDisabledThenInvalidClient() {
        TestApp app = tenant.app().set("enabled", false);

        tenant.tokenResponse(app).then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void whenPublicAppSendsSecretThenInvalidClient() {
        String clientId = "com.test/public-" + TestTenant.random(4);
        RegistryStandIn.shared().app(tenant.id(), clientId).set("clientType", "PUBLIC")
                .set("systemUserAllowed", false).set("systemUser", null).put();

        tenant.request().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", "anything")
                .post("/id/connect/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void whenNoClientAuthenticationThenInvalidClient() {
        tenant.request().formParam("grant_type", "client_credentials").post("/id/connect/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void whenSystemUserNotAllowedThenUnauthorizedClient() {
        TestApp app = tenant.app().set("systemUserAllowed", false);

        tenant.tokenResponse(app).then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void whenScopeNotAllowedThenInvalidScope() {
        TestApp app = tenant.app().set("scopes", List.of("read"));

        basic(app).formParam("grant_type", "client_credentials").formParam("scope", "update sec")
                .post("/id/connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void whenAdminScopeAskedByOrdinaryAppThenInvalidScope() {
        TestApp app = tenant.app();

        basic(app).formParam("grant_type", "client_credentials").formParam("scope", "admin")
                .post("/id/connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void whenScopeMalformedThenInvalidScope() {
        TestApp app = tenant.app();

        basic(app).formParam("grant_type", "client_credentials").formParam("scope", "read  update")
                .post("/id/connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void whenGrantTypeMissingThenInvalidRequest() {
        TestApp app = tenant.app();

        basic(app).formParam("scope", "read").post("/id/connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void whenGrantTypeUnknownThenUnsupportedGrantType() {
        TestApp app = tenant.app();

        basic(app).formParam("grant_type", "password").post("/id/connect/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void whenParameterRepeatedThenInvalidRequest() {
        TestApp app = tenant.app();

        basic(app).contentType("application/x-www-form-urlencoded")
                .body("grant_type=client_credentials&scope=read&scope=update").post("/id/connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void whenBasicAndPostCredentialsTogetherThenInvalidRequest() {
        TestApp app = tenant.app();

        basic(app).formParam("grant_type", "client_credentials")
                .formParam("client_id", app.clientId()).formParam("client_secret", app.secret())
                .post("/id/connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void whenContentTypeIsJsonThenInvalidRequest() {
        TestApp app = tenant.app();

        basic(app).contentType("application/json").body("{\"grant_type\":\"client_credentials\"}")
                .post("/id/connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void whenBasicHeaderIsNotBase64ThenInvalidRequest() {
        tenant.request().header("Authorization", "Basic !!!not-base64!!!")
                .formParam("grant_type", "client_credentials").post("/id/connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void whenBasicHeaderHasNoColonThenInvalidRequest() {
        String credentials = Base64.getEncoder().encodeToString("no-colon-here".getBytes(StandardCharsets.UTF_8));

        tenant.request().header("Authorization", "Basic " + credentials)
                .formParam("grant_type", "client_credentials").post("/id/connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void whenBasicCredentialsAreNotUtf8ThenInvalidRequest() {
        byte[] bytes = {'a', ':', (byte) 0xC3, (byte) 0x28};

        tenant.request().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(bytes))
                .formParam("grant_type", "client_credentials").post("/id/connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void whenBasicSecretHasOddBytesThenInvalidClient() {
        TestApp app = tenant.app();
        String pair = app.clientId().replace("/", "%2F") + ":%00%FF%0A%E2%82";

        tenant.request().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes()))
                .formParam("grant_type", "client_credentials").post("/id/connect/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void whenPostSecretHasOddBytesThenInvalidClient() {
        TestApp app = tenant.app();

        tenant.request().contentType("application/x-www-form-urlencoded")
                .body("grant_type=client_credentials&client_id=" + app.clientId() + "&client_secret=%00%FF%0A%E2%82")
                .post("/id/connect/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void whenPercentEncodingIsBrokenThenInvalidRequest() {
        TestApp app = tenant.app();

        basic(app).contentType("application/x-www-form-urlencoded").body("grant_type=client%ZZcredentials")
                .post("/id/connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void whenBodyIsOversizeThenRefusedWithInvalidRequest() {
        TestApp app = tenant.app();

        basic(app).contentType("application/x-www-form-urlencoded")
                .body("grant_type=client_credentials&scope=" + "r".repeat(70 * 1024))
                .post("/id/connect/token")
                .then().statusCode(413).body("error", equalTo("invalid_request"));
    }

    @Test
    void whenHostBelongsToNoInstanceThenUnknownInstance() {
        TestApp app = tenant.app();

        io.restassured.RestAssured.given().header("Host", "nowhere.example.test")
                .auth().preemptive().basic(app.clientId(), app.secret())
                .formParam("grant_type", "client_credentials").post("/id/connect/token")
                .then().statusCode(404).body("error", equalTo("unknown_instance"));
    }

    @Test
    void whenRefusedThenNoStore() {
        TestApp app = tenant.app();

        basic(app).formParam("grant_type", "password").post("/id/connect/token")
                .then().statusCode(400).header("Cache-Control", "no-store");
    }
}
