package net.erp.identity.reference;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import net.erp.identity.TestTenant.TestApp;
import net.erp.identity.reference.ReferenceTokenFixture.Member;
import net.erp.identity.token.AccessTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Userinfo with a reference token as bearer, in X-Api-Key or in Api-Key. */
@QuarkusTest
class ReferenceTokenUserinfoTest {

    @Inject
    AccessTokenIssuer issuer;

    private ReferenceTokenFixture fixture;
    private TestApp app;
    private Member user;

    @BeforeEach
    void instance() {
        fixture = new ReferenceTokenFixture(issuer);
        app = fixture.app("ADMINISTRATORS_ONLY");
        user = fixture.user(false);
    }

    @Test
    void patAsBearerWhenOpenidThenTheUsersClaims() {
        String pat = fixture.patValue(app, user);

        fixture.tenant.request().auth().oauth2(pat).get("/id/connect/userinfo").then().statusCode(200)
                .body("sub", equalTo(user.id())).body("preferred_username", equalTo(user.username()));
    }

    @Test
    void patInXApiKeyWhenOpenidThenTheUsersClaims() {
        String pat = fixture.patValue(app, user);

        fixture.tenant.request().header("X-Api-Key", pat).get("/id/connect/userinfo").then().statusCode(200)
                .body("sub", equalTo(user.id()));
    }

    @Test
    void patInApiKeyWhenOpenidThenTheUsersClaims() {
        String pat = fixture.patValue(app, user);

        fixture.tenant.request().header("Api-Key", pat).post("/id/connect/userinfo").then().statusCode(200)
                .body("sub", equalTo(user.id()));
    }

    @Test
    void patWhenWithoutOpenidThenInsufficientScope() {
        Map<String, Object> request = ReferenceTokenFixture.pat(app, user.id());
        request.put("scopes", List.of("read"));
        String pat = fixture.issue(request).path("token");

        fixture.tenant.request().header("X-Api-Key", pat).get("/id/connect/userinfo")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
    }

    @Test
    void satWhenUsedThenInsufficientScope() {
        Map<String, Object> request = ReferenceTokenFixture.sat(app);
        request.put("scopes", List.of("openid", "read"));
        String sat = fixture.issue(request).path("token");

        fixture.tenant.request().header("X-Api-Key", sat).get("/id/connect/userinfo")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
    }

    @Test
    void userinfoWhenTwoDifferentCredentialsThenInvalidRequest() {
        String pat = fixture.patValue(app, user);

        fixture.tenant.request().auth().oauth2(user.token()).header("X-Api-Key", pat).get("/id/connect/userinfo")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void patWhenRevokedThenInvalidToken() {
        var issued = fixture.issue(ReferenceTokenFixture.pat(app, user.id()));
        ReferenceTokenFixture.as(ReferenceTokenFixture.operator()).delete(fixture.path() + "/" + issued.path("id"))
                .then().statusCode(204);

        fixture.tenant.request().header("Api-Key", issued.<String>path("token")).get("/id/connect/userinfo")
                .then().statusCode(401).header("WWW-Authenticate", containsString("invalid_token"));
    }

    @Test
    void patWhenOfAnotherInstanceThenInvalidToken() {
        var other = new ReferenceTokenFixture(issuer);
        String pat = other.patValue(other.app("ADMINISTRATORS_ONLY"), other.user(false));

        fixture.tenant.request().auth().oauth2(pat).get("/id/connect/userinfo")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }
}
