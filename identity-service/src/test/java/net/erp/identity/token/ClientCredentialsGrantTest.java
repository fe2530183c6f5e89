package net.erp.identity.token;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.erp.contract.InstanceAudience;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientCredentialsGrantTest {

    private final TestTenant tenant = TestTenant.create();

    @Test
    void whenClientCredentialsThenTokenCarriesEveryClaimOfRfc9068() {
        TestApp app = tenant.app();

        JsonPath claims = payload(tenant.token(app));

        assertEquals(tenant.issuer(), claims.getString("iss"));
        assertEquals("system-" + app.clientId(), claims.getString("sub"));
        assertEquals(InstanceAudience.of(tenant.id()), claims.getString("aud"));
        assertEquals(app.clientId(), claims.getString("client_id"));
        assertEquals("read update", claims.getString("scope"));
        assertEquals(3600L, claims.getLong("exp") - claims.getLong("iat"));
        assertTrue(claims.getString("jti").length() >= 22);
        assertNotNull(claims.getString("sid"));
        assertFalse(claims.getMap("").containsKey("preferred_username"));
    }

    @Test
    void whenTokenIssuedThenHeaderIsAtJwtWithKid() {
        TestApp app = tenant.app();

        JsonPath header = part(tenant.token(app), 0);

        assertEquals("at+jwt", header.getString("typ"));
        assertEquals("RS256", header.getString("alg"));
        assertNotNull(header.getString("kid"));
    }

    @Test
    void whenTokenIssuedThenResponseIsBearerAndNoStore() {
        TestApp app = tenant.app();

        tenant.tokenResponse(app).then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("scope", equalTo("read update"));
    }

    @Test
    void whenNoScopeRequestedThenEveryScopeOfTheAppButOpenidAndOfflineAccess() {
        TestApp app = tenant.app().set("scopes", List.of("openid", "read", "offline_access", "profile"));

        tenant.tokenResponse(app).then().statusCode(200).body("scope", equalTo("read profile"));
    }

    @Test
    void whenSubsetOfScopesRequestedThenOnlyThoseGranted() {
        TestApp app = tenant.app();

        tenant.request().auth().preemptive().basic(app.clientId(), app.secret())
                .formParam("grant_type", "client_credentials").formParam("scope", "update")
                .post("/id/connect/token")
                .then().statusCode(200).body("scope", equalTo("update"));
    }

    @Test
    void whenClientSecretPostThenToken() {
        TestApp app = tenant.app();

        tenant.request()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", app.clientId()).formParam("client_secret", app.secret())
                .post("/id/connect/token")
                .then().statusCode(200).body("expires_in", greaterThanOrEqualTo(3600));
    }

    @Test
    void whenTwoTokensIssuedThenJtiAndSidDiffer() {
        TestApp app = tenant.app();

        JsonPath first = payload(tenant.token(app));
        JsonPath second = payload(tenant.token(app));

        assertNotEquals(first.getString("jti"), second.getString("jti"));
        assertNotEquals(first.getString("sid"), second.getString("sid"));
    }

    static JsonPath payload(String jwt) {
        return part(jwt, 1);
    }

    private static JsonPath part(String jwt, int index) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
        return new JsonPath(json);
    }
}
