package net.erp.identity.revocation;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import net.erp.identity.TestOperator;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RevocationTest {

    private final TestTenant tenant = TestTenant.create();

    private ValidatableResponse revoke(TestApp caller, String token) {
        return tenant.request().auth().preemptive().basic(caller.clientId(), caller.secret())
                .formParam("token", token).formParam("token_type_hint", "access_token")
                .post("/id/connect/revocation").then();
    }

    private ValidatableResponse introspect(String token) {
        TestApp caller = tenant.app();
        return tenant.request().auth().preemptive().basic(caller.clientId(), caller.secret())
                .formParam("token", token).post("/id/connect/introspect").then();
    }

    @Test
    void whenOwnTokenRevokedThenOkAndIntrospectionInactive() {
        TestApp app = tenant.app();
        String token = tenant.token(app);

        revoke(app, token).statusCode(200);

        introspect(token).body("active", equalTo(false));
    }

    @Test
    void whenTokenRevokedThenOtherTokensOfTheAppStayActive() {
        TestApp app = tenant.app();
        String revoked = tenant.token(app);
        String kept = tenant.token(app);

        revoke(app, revoked).statusCode(200);

        introspect(kept).body("active", equalTo(true));
    }

    @Test
    void whenTokenUnknownThenOkAllTheSame() {
        revoke(tenant.app(), "not-a-token-at-all").statusCode(200);
    }

    @Test
    void whenTokenTypeHintUnsupportedThenIgnored() {
        TestApp app = tenant.app();
        String token = tenant.token(app);

        tenant.request().auth().preemptive().basic(app.clientId(), app.secret())
                .formParam("token", token).formParam("token_type_hint", "something_else")
                .post("/id/connect/revocation").then().statusCode(200);

        introspect(token).body("active", equalTo(false));
    }

    @Test
    void whenTokenOfAnotherClientThenRefusedAndStillActive() {
        String token = tenant.token(tenant.app());

        revoke(tenant.app(), token).statusCode(400).body("error", equalTo("unauthorized_client"));

        introspect(token).body("active", equalTo(true));
    }

    @Test
    void whenCallerNotAuthenticatedThenInvalidClient() {
        TestApp app = tenant.app();
        String token = tenant.token(app);

        tenant.request().auth().preemptive().basic(app.clientId(), "wrong").formParam("token", token)
                .post("/id/connect/revocation")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void whenOperatorRevokesTokenOfAnyAppThenInactive() {
        String token = tenant.token(tenant.app());
        TestOperator.token();
        TestApp operator = TestOperator.lastApp();

        tenant.request().auth().preemptive().basic(operator.clientId(), operator.secret())
                .formParam("token", token).post("/id/connect/revocation").then().statusCode(200);

        introspect(token).body("active", equalTo(false));
    }
}
