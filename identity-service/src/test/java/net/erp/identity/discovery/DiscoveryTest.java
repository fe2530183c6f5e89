package net.erp.identity.discovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import net.erp.identity.TestTenant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DiscoveryTest {

    private final TestTenant tenant = TestTenant.create();

    @Test
    void whenDiscoveryAskedThenIssuerAndEndpointsAreOfTheRequestHost() {
        tenant.request().get("/id/.well-known/openid-configuration")
                .then().statusCode(200)
                .body("issuer", equalTo(tenant.issuer()))
                .body("token_endpoint", equalTo(tenant.issuer() + "/connect/token"))
                .body("jwks_uri", equalTo(tenant.issuer() + "/.well-known/openid-configuration/jwks"))
                .body("grant_types_supported", hasItem("client_credentials"));
    }

    @Test
    void whenHostHasPortThenMatchIgnoresItAndIssuerKeepsIt() {
        given().header("Host", tenant.host().toUpperCase() + ":8443").get("/id/.well-known/openid-configuration")
                .then().statusCode(200).body("issuer", equalTo("http://" + tenant.host() + ":8443/id"));
    }

    @Test
    void whenHostBelongsToNoInstanceThenUnknownInstance() {
        given().header("Host", "nobody.example.test").get("/id/.well-known/openid-configuration")
                .then().statusCode(404).body("error", equalTo("unknown_instance"));
    }

    @Test
    void whenForwardingDisabledThenForwardedHostIsIgnored() {
        tenant.request().header("X-Forwarded-Host", "evil.example.test").header("X-Forwarded-Proto", "https")
                .get("/id/.well-known/openid-configuration")
                .then().statusCode(200).body("issuer", equalTo(tenant.issuer()));
    }

    @Test
    void whenDiscoveryAskedThenCacheableWithEtag() {
        tenant.request().get("/id/.well-known/openid-configuration")
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", startsWith("public, max-age="));
    }

    @Test
    void whenEtagMatchesThenNotModified() {
        String etag = tenant.request().get("/id/.well-known/openid-configuration").header("ETag");

        tenant.request().header("If-None-Match", etag).get("/id/.well-known/openid-configuration")
                .then().statusCode(304);
    }

    @Test
    void whenJwksAskedThenPublicRsaKeysWithKidAndNoPrivatePart() {
        tenant.request().get("/id/.well-known/openid-configuration/jwks")
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", startsWith("public, max-age="))
                .body("keys[0].kid", notNullValue())
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].d", equalTo(null))
                .body("keys[0].p", equalTo(null));
    }

    @Test
    void whenJwksEtagMatchesThenNotModified() {
        String etag = tenant.request().get("/id/.well-known/openid-configuration/jwks").header("ETag");

        tenant.request().header("If-None-Match", etag).get("/id/.well-known/openid-configuration/jwks")
                .then().statusCode(304);
    }

    @Test
    void whenInternalJwksAskedWithoutSecretThenSameKeysAsTheInstance() {
        String instanceKeys = tenant.request().get("/id/.well-known/openid-configuration/jwks").asString();

        given().get("/internal/jwks").then().statusCode(200).body(equalTo(instanceKeys));
    }
}
