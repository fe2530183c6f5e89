package net.erp.identity.reference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import net.erp.contract.InstanceAudience;
import net.erp.contract.registry.RegistryChange;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import net.erp.identity.reference.ReferenceTokenFixture.Member;
import net.erp.identity.token.AccessTokenIssuer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 7662 introspection of reference tokens, and the internal call session-service makes. */
@QuarkusTest
class ReferenceTokenIntrospectionTest {

    @Inject
    AccessTokenIssuer issuer;

    @Inject
    Pool pool;

    @Inject
    ReactiveRedisDataSource redis;

    @ConfigProperty(name = "identity.schema")
    String schema;

    @ConfigProperty(name = "platform.internal-secret")
    String internalSecret;

    private ReferenceTokenFixture fixture;
    private TestApp app;
    private TestApp caller;
    private Member user;

    @BeforeEach
    void instance() {
        fixture = new ReferenceTokenFixture(issuer);
        app = fixture.app("ADMINISTRATORS_ONLY");
        caller = fixture.tenant.app();
        user = fixture.user(false);
    }

    private Response internal(String token) {
        return given().header("X-Internal-Secret", internalSecret).contentType("application/json")
                .body(Map.of("token", token)).post("/internal/reference-tokens/introspect");
    }

    private void sql(String statement, String id) {
        pool.preparedQuery(statement.replace("TABLE", schema + ".reference_token")).execute(Tuple.of(id))
                .await().indefinitely();
    }

    private void publish(RegistryChange change) throws InterruptedException {
        String message = "{\"type\":\"APP\",\"instanceId\":\"" + change.instanceId() + "\",\"clientId\":\""
                + change.clientId() + "\"}";
        redis.pubsub(String.class).publish(RegistryChange.CHANNEL, message).await().indefinitely();
        Thread.sleep(200);
    }

    @Test
    void patWhenActiveThenItsClaims() {
        Response issued = fixture.issue(ReferenceTokenFixture.pat(app, user.id()));
        String id = issued.path("id");

        fixture.introspect(caller, issued.path("token")).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("active", equalTo(true))
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("openid read"))
                .body("client_id", equalTo(app.clientId()))
                .body("sub", equalTo(user.id()))
                .body("username", equalTo(user.username()))
                .body("iat", notNullValue())
                .body("exp", equalTo((int) java.time.Instant.parse(issued.path("expiresAt")).getEpochSecond()))
                .body("iss", equalTo(fixture.tenant.issuer()))
                .body("aud", equalTo(InstanceAudience.of(fixture.tenant.id())))
                .body("jti", equalTo(id))
                .body("sid", equalTo(id));
    }

    @Test
    void satWhenActiveThenSystemUserAndNoUsername() {
        String token = fixture.issue(ReferenceTokenFixture.sat(app)).path("token");

        fixture.introspect(caller, token).then().statusCode(200)
                .body("active", equalTo(true))
                .body("sub", equalTo("system-" + app.clientId()))
                .body("username", nullValue());
    }

    @Test
    void introspectWhenUnknownTokenThenInactive() {
        String unknown = "erp_pat_" + TestTenant.random(32);

        fixture.introspect(caller, unknown).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void introspectWhenPrefixedGarbageThenInactive() {
        fixture.introspect(caller, "erp_sat_short").then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void introspectWhenExpiredThenInactive() {
        Response issued = fixture.issue(ReferenceTokenFixture.pat(app, user.id()));
        sql("UPDATE TABLE SET expires_at = now() - interval '1 second' WHERE id = $1", issued.path("id"));

        fixture.introspect(caller, issued.path("token")).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void introspectWhenAppDisabledThenInactive() throws InterruptedException {
        String token = fixture.patValue(app, user);
        app.set("enabled", false);
        publish(RegistryChange.app(fixture.tenant.id(), app.clientId()));

        fixture.introspect(caller, token).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void introspectWhenAppDeletedThenInactive() {
        Response issued = fixture.issue(ReferenceTokenFixture.pat(app, user.id()));
        sql("UPDATE TABLE SET client_id = 'com.test/deleted-app' WHERE id = $1", issued.path("id"));

        fixture.introspect(caller, issued.path("token")).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void introspectWhenUserDeletedThenInactive() {
        String token = fixture.patValue(app, user);
        ReferenceTokenFixture.as(ReferenceTokenFixture.operator())
                .delete("/api/instances/" + fixture.tenant.id() + "/users/" + user.id()).then().statusCode(204);

        fixture.introspect(caller, token).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void introspectWhenTokenOfAnotherInstanceThenInactive() {
        var other = new ReferenceTokenFixture(issuer);
        TestApp otherApp = other.app("ADMINISTRATORS_ONLY");
        String token = other.patValue(otherApp, other.user(false));

        fixture.introspect(caller, token).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void introspectWhenCallerIsPublicAppThenInvalidClient() {
        String token = fixture.patValue(app, user);
        String publicApp = "com.test/public-" + TestTenant.random(4);
        net.erp.fixtures.RegistryStandIn.shared().app(fixture.tenant.id(), publicApp).set("clientType", "PUBLIC")
                .set("systemUserAllowed", false).put();

        fixture.tenant.request().formParam("client_id", publicApp).formParam("token", token)
                .post("/id/connect/introspect").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void introspectWhenUsedTwiceWithinAMinuteThenLastUsedWrittenOnce() {
        Response issued = fixture.issue(ReferenceTokenFixture.pat(app, user.id()));
        fixture.introspect(caller, issued.path("token")).then().body("active", equalTo(true));
        String first = lastUsedAt(issued.path("id"));

        internal(issued.path("token")).then().body("active", equalTo(true));

        assertNotNull(first);
        assertEquals(first, lastUsedAt(issued.path("id")));
    }

    @Test
    void internalWhenPatActiveThenTheContractAnswer() {
        Response issued = fixture.issue(ReferenceTokenFixture.pat(app, user.id()));

        internal(issued.path("token")).then().statusCode(200)
                .body("active", equalTo(true))
                .body("instanceId", equalTo(fixture.tenant.id()))
                .body("id", equalTo(issued.path("id")))
                .body("kind", equalTo("PAT"))
                .body("subject", equalTo(user.id()))
                .body("username", equalTo(user.username()))
                .body("clientId", equalTo(app.clientId()))
                .body("scopes", equalTo(List.of("openid", "read")))
                .body("issuedAt", equalTo((int) java.time.Instant.parse(issued.path("createdAt")).getEpochSecond()))
                .body("expiresAt", equalTo((int) java.time.Instant.parse(issued.path("expiresAt")).getEpochSecond()));
    }

    @Test
    void internalWhenSatActiveThenUsernameNull() {
        String token = fixture.issue(ReferenceTokenFixture.sat(app)).path("token");

        internal(token).then().statusCode(200)
                .body("kind", equalTo("SAT"))
                .body("subject", equalTo("system-" + app.clientId()))
                .body("$", org.hamcrest.Matchers.hasKey("username"))
                .body("username", nullValue());
    }

    @Test
    void internalWhenRevokedThenInactive() {
        Response issued = fixture.issue(ReferenceTokenFixture.pat(app, user.id()));
        ReferenceTokenFixture.as(ReferenceTokenFixture.operator()).delete(fixture.path() + "/" + issued.path("id"))
                .then().statusCode(204);

        internal(issued.path("token")).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void internalWhenTokenMissingThenInvalidRequest() {
        given().header("X-Internal-Secret", internalSecret).contentType("application/json").body(Map.of())
                .post("/internal/reference-tokens/introspect")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void internalWhenNoInternalSecretThenUnauthorized() {
        String token = fixture.patValue(app, user);

        given().contentType("application/json").body(Map.of("token", token))
                .post("/internal/reference-tokens/introspect")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    private String lastUsedAt(String id) {
        return ReferenceTokenFixture.as(ReferenceTokenFixture.operator()).get(fixture.path())
                .then().statusCode(200).extract().path("find { it.id == '" + id + "' }.lastUsedAt");
    }

    @Test
    void introspectWhenSatAppNoLongerAllowsSystemUserThenInactive() throws InterruptedException {
        String token = fixture.issue(ReferenceTokenFixture.sat(app)).path("token");
        app.set("systemUserAllowed", false);
        publish(RegistryChange.app(fixture.tenant.id(), app.clientId()));

        fixture.introspect(caller, token).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void introspectWhenSatAppSystemUserChangedThenInactive() throws InterruptedException {
        String token = fixture.issue(ReferenceTokenFixture.sat(app)).path("token");
        app.set("systemUser", "another-system-user");
        publish(RegistryChange.app(fixture.tenant.id(), app.clientId()));

        fixture.introspect(caller, token).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void introspectWhenAppLostOneOfTheTokensScopesThenOnlyTheOthers() throws InterruptedException {
        String token = fixture.issue(ReferenceTokenFixture.pat(app, user.id())).path("token");
        app.set("scopes", List.of("openid", "update"));
        publish(RegistryChange.app(fixture.tenant.id(), app.clientId()));

        fixture.introspect(caller, token).then().statusCode(200)
                .body("active", equalTo(true)).body("scope", equalTo("openid"));
    }

    @Test
    void internalWhenAppLostOneOfTheTokensScopesThenOnlyTheOthers() throws InterruptedException {
        String token = fixture.issue(ReferenceTokenFixture.pat(app, user.id())).path("token");
        app.set("scopes", List.of("read", "update"));
        publish(RegistryChange.app(fixture.tenant.id(), app.clientId()));

        internal(token).then().statusCode(200)
                .body("active", equalTo(true)).body("scopes", equalTo(List.of("read")));
    }

    @Test
    void introspectWhenAppLostEveryScopeOfTheTokenThenInactive() throws InterruptedException {
        String token = fixture.issue(ReferenceTokenFixture.pat(app, user.id())).path("token");
        app.set("scopes", List.of("update"));
        publish(RegistryChange.app(fixture.tenant.id(), app.clientId()));

        fixture.introspect(caller, token).then().statusCode(200).body("active", equalTo(false));
    }
}
