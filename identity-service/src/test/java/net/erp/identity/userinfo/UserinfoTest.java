package net.erp.identity.userinfo;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import net.erp.contract.revocation.RevocationList;
import net.erp.fixtures.TestIssuer;
import net.erp.identity.TestTenant;
import net.erp.identity.instance.InstanceContext;
import net.erp.identity.registry.Instance;
import net.erp.identity.token.AccessTokenIssuer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserinfoTest {

    private final TestTenant tenant = TestTenant.create();

    @Inject
    AccessTokenIssuer issuer;

    @Inject
    RevocationList revocations;

    private String userToken(String... scopes) {
        var instance = new Instance(tenant.id(), tenant.id(), List.of(tenant.host()), 10, List.of(), false);
        return issuer.issue(new InstanceContext(instance, tenant.issuer()), "user-1", "com.test/web", List.of(scopes),
                null, "alice").await().indefinitely().value();
    }

    @Test
    void whenServiceTokenThenInsufficientScope() {
        String token = tenant.token(tenant.app());

        tenant.request().auth().oauth2(token).get("/id/connect/userinfo")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"))
                .header("WWW-Authenticate", containsString("insufficient_scope"));
    }

    @Test
    void whenNoTokenThenBearerChallenge() {
        tenant.request().get("/id/connect/userinfo")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void whenTokenTamperedThenInvalidToken() {
        String token = tenant.token(tenant.app());
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        tenant.request().auth().oauth2(tampered).get("/id/connect/userinfo")
                .then().statusCode(401).header("WWW-Authenticate", containsString("invalid_token"));
    }

    @Test
    void whenTokenSignedByForeignKeyThenInvalidToken() {
        String token = TestIssuer.shared().token(tenant.id()).issuer(tenant.issuer()).user("alice")
                .scope("openid").signedByForeignKey().sign();

        tenant.request().auth().oauth2(token).get("/id/connect/userinfo")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void whenTokenOfAnotherInstanceThenInvalidToken() {
        TestTenant other = TestTenant.create();
        String token = other.token(other.app());

        tenant.request().auth().oauth2(token).get("/id/connect/userinfo")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void whenTokenRevokedThenInvalidToken() {
        String token = userToken("openid");
        String jti = new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]))).getString("jti");
        revocations.revokeToken(tenant.id(), jti, Instant.now().plusSeconds(60)).await().indefinitely();

        tenant.request().auth().oauth2(token).get("/id/connect/userinfo")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void whenUserTokenWithOpenidThenSubjectAndUsername() {
        String token = userToken("openid", "read");

        tenant.request().auth().oauth2(token).post("/id/connect/userinfo")
                .then().statusCode(200).body("sub", equalTo("user-1")).body("preferred_username", equalTo("alice"));
    }

    @Test
    void whenUserTokenWithoutOpenidThenInsufficientScope() {
        String token = userToken("read");

        tenant.request().auth().oauth2(token).get("/id/connect/userinfo")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
    }
}
