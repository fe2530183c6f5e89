package net.erp.identity.introspection;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import net.erp.contract.InstanceAudience;
import net.erp.contract.revocation.RevocationList;
import net.erp.fixtures.TestIssuer;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IntrospectionTest {

    private final TestTenant tenant = TestTenant.create();

    @Inject
    RevocationList revocations;

    private ValidatableResponse introspect(TestTenant at, TestApp caller, String token) {
        return at.request().auth().preemptive().basic(caller.clientId(), caller.secret())
                .formParam("token", token).post("/id/connect/introspect").then();
    }

    @Test
    void whenTokenValidThenActiveWithItsClaims() {
        TestApp app = tenant.app();
        String token = tenant.token(app);

        introspect(tenant, tenant.app(), token).statusCode(200)
                .header("Cache-Control", "no-store")
                .body("active", equalTo(true))
                .body("client_id", equalTo(app.clientId()))
                .body("sub", equalTo("system-" + app.clientId()))
                .body("scope", equalTo("read update"))
                .body("iss", equalTo(tenant.issuer()))
                .body("aud", equalTo(InstanceAudience.of(tenant.id())))
                .body("token_type", equalTo("Bearer"));
    }

    @Test
    void whenTokenRevokedThenInactive() {
        TestApp app = tenant.app();
        String token = tenant.token(app);
        String jti = tenant.request().auth().preemptive().basic(app.clientId(), app.secret())
                .formParam("token", token).post("/id/connect/introspect").path("jti");
        revocations.revokeToken(tenant.id(), jti, Instant.now().plusSeconds(60)).await().indefinitely();

        introspect(tenant, app, token).statusCode(200).body("active", equalTo(false));
    }

    @Test
    void whenAppCutOffThenItsTokensInactive() {
        TestApp app = tenant.app();
        String token = tenant.token(app);
        revocations.cutOffClient(tenant.id(), app.clientId(), Duration.ofHours(1)).await().indefinitely();

        introspect(tenant, tenant.app(), token).statusCode(200).body("active", equalTo(false));
    }

    @Test
    void whenTokenOfAnotherInstanceThenInactive() {
        TestTenant other = TestTenant.create();
        String token = other.token(other.app());

        introspect(tenant, tenant.app(), token).statusCode(200).body("active", equalTo(false));
    }

    @Test
    void whenTokenSignedByForeignKeyThenInactive() {
        String token = TestIssuer.shared().token(tenant.id()).issuer(tenant.issuer()).signedByForeignKey().sign();

        introspect(tenant, tenant.app(), token).statusCode(200).body("active", equalTo(false));
    }

    @Test
    void whenTokenIsGarbageThenInactive() {
        introspect(tenant, tenant.app(), "not.a.token").statusCode(200).body("active", equalTo(false));
    }

    @Test
    void whenCallerIsPublicAppThenInvalidClient() {
        String clientId = "com.test/public-" + TestTenant.random(4);
        net.erp.fixtures.RegistryStandIn.shared().app(tenant.id(), clientId).set("clientType", "PUBLIC")
                .set("systemUserAllowed", false).put();
        String token = tenant.token(tenant.app());

        tenant.request().formParam("client_id", clientId).formParam("token", token).post("/id/connect/introspect")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void whenCallerUnauthenticatedThenInvalidClient() {
        String token = tenant.token(tenant.app());

        tenant.request().formParam("token", token).post("/id/connect/introspect")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void whenCallerIsAppOfAnotherInstanceThenInvalidClient() {
        TestTenant other = TestTenant.create();
        String token = tenant.token(tenant.app());

        introspect(tenant, other.app(), token).statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void whenTokenParameterMissingThenInvalidRequest() {
        TestApp caller = tenant.app();

        tenant.request().auth().preemptive().basic(caller.clientId(), caller.secret())
                .formParam("token_type_hint", "access_token").post("/id/connect/introspect")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void whenCallerIsOperatorOfDefaultInstanceThenActive() {
        String token = tenant.token(tenant.app());
        net.erp.identity.TestOperator.token();
        TestApp operator = net.erp.identity.TestOperator.lastApp();

        tenant.request().auth().preemptive().basic(operator.clientId(), operator.secret())
                .formParam("token", token).post("/id/connect/introspect")
                .then().statusCode(200).body("active", equalTo(true));
    }
}
