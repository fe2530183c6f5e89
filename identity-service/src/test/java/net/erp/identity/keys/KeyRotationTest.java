package net.erp.identity.keys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import net.erp.identity.TestOperator;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Test;

/**
 * A rotation seen from a client that keeps verifying: the new key is in the JWKS before it signs, and the
 * retired key stays there, so a client never meets a token it cannot verify. Tests run with a 1-second lead.
 */
@QuarkusTest
class KeyRotationTest {

    private final TestTenant tenant = TestTenant.create();

    @Test
    void whenKeysRotateThenClientVerifiesEveryTokenThroughIt() throws Exception {
        TestApp app = tenant.app();
        String before = tenant.token(app);
        verify(jwks(), before);

        String newKid = given().auth().oauth2(TestOperator.token()).post("/api/signing-keys/rotate")
                .then().statusCode(200).extract().path("kid");
        JsonWebKeySet published = jwks();
        String after = tokenSignedBy(app, newKid);

        assertNotEquals(kid(before), newKid);
        verify(published, after);
        verify(published, before);
        verify(jwks(), before);
    }

    @Test
    void whenRotatedThenNewKeyPublishedBeforeItSigns() {
        String response = given().auth().oauth2(TestOperator.token()).post("/api/signing-keys/rotate")
                .then().statusCode(200).extract().asString();
        JsonPath key = JsonPath.from(response);
        String kid = key.getString("kid");
        Instant createdAt = Instant.parse(key.getString("createdAt"));
        Instant activeFrom = Instant.parse(key.getString("activeFrom"));

        assertTrue(activeFrom.isAfter(createdAt));
        assertTrue(jwks().getJsonWebKeys().stream().anyMatch(published -> published.getKeyId().equals(kid)));
    }

    @Test
    void whenRotateWithoutTokenThenUnauthorized() {
        given().post("/api/signing-keys/rotate").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void whenRotateWithTokenWithoutAdminThenForbidden() {
        String token = tenant.token(tenant.app());

        given().auth().oauth2(token).post("/api/signing-keys/rotate")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
    }

    @Test
    void whenKeysListedByOperatorThenExactlyOneSigns() {
        given().auth().oauth2(TestOperator.token()).get("/api/signing-keys")
                .then().statusCode(200).body("findAll { it.signing }.size()", equalTo(1));
    }

    private JsonWebKeySet jwks() {
        try {
            return new JsonWebKeySet(tenant.request().get("/id/.well-known/openid-configuration/jwks").asString());
        } catch (org.jose4j.lang.JoseException e) {
            throw new AssertionError(e);
        }
    }

    private String tokenSignedBy(TestApp app, String kid) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            String token = tenant.token(app);
            if (kid(token).equals(kid)) {
                return token;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the new key never started signing");
    }

    private static String kid(String token) {
        try {
            return ((JsonWebSignature) JsonWebStructure.fromCompactSerialization(token)).getKeyIdHeaderValue();
        } catch (org.jose4j.lang.JoseException e) {
            throw new AssertionError(e);
        }
    }

    private void verify(JsonWebKeySet keys, String token) throws Exception {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.getJsonWebKeys()))
                .setExpectedIssuer(tenant.issuer())
                .setExpectedAudience("urn:erp:instance:" + tenant.id())
                .setExpectedType(true, "at+jwt")
                .build();
        assertEquals(tenant.issuer(), consumer.processToClaims(token).getIssuer());
    }
}
