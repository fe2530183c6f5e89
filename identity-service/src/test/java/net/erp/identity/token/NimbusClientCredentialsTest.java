package net.erp.identity.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Set;
import net.erp.contract.InstanceAudience;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import org.junit.jupiter.api.Test;

/** A real OAuth client library gets a token by client credentials and verifies it against the JWKS. */
@QuarkusTest
class NimbusClientCredentialsTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void whenNimbusClientUsesDiscoveryAndClientCredentialsThenTokenVerifiesAgainstJwks() throws Exception {
        TestTenant tenant = TestTenant.on("nimbus" + TestTenant.random(3).toLowerCase().replaceAll("[^a-z0-9]", "x"),
                "localhost");
        TestApp app = tenant.app();
        Issuer issuer = new Issuer("http://localhost:" + root.getPort() + "/id");
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(issuer);

        TokenResponse response = TokenResponse.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(app.clientId()), new Secret(app.secret())),
                new ClientCredentialsGrant(), new Scope("read")).toHTTPRequest().send());
        AccessToken token = response.toSuccessResponse().getTokens().getAccessToken();
        JWTClaimsSet claims = processor(provider, tenant).process(token.getValue(), null);

        assertEquals(issuer.getValue(), claims.getIssuer());
        assertEquals("read", claims.getStringClaim("scope"));
        assertEquals(app.clientId(), claims.getStringClaim("client_id"));
        assertTrue(claims.getExpirationTime().getTime() > System.currentTimeMillis());
    }

    private static DefaultJWTProcessor<SecurityContext> processor(OIDCProviderMetadata provider, TestTenant tenant)
            throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(provider.getJWKSetURI().toURL()).build();
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(InstanceAudience.of(tenant.id()),
                new JWTClaimsSet.Builder().issuer(provider.getIssuer().getValue()).build(),
                Set.of("sub", "iat", "exp", "jti", "client_id", "scope", "sid")));
        return processor;
    }
}
