package net.erp.identity.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import net.erp.identity.TestTenant;
import net.erp.identity.signin.OidcClient;
import org.junit.jupiter.api.Test;

/** What discovery tells a relying party about interactive sign-in, read by the library. */
@QuarkusTest
class AuthorizeDiscoveryTest {

    private final TestTenant tenant = TestTenant.create();

    private OIDCProviderMetadata provider() throws Exception {
        return OidcClient.confidential(tenant).provider();
    }

    @Test
    void discoveryWhenReadThenAuthorizeAndEndSessionEndpointsOfIssuer() throws Exception {
        OIDCProviderMetadata provider = provider();

        assertEquals(tenant.issuer() + "/connect/authorize", provider.getAuthorizationEndpointURI().toString());
        assertEquals(tenant.issuer() + "/connect/endsession", provider.getEndSessionEndpointURI().toString());
        assertEquals(tenant.issuer() + "/connect/userinfo", provider.getUserInfoEndpointURI().toString());
    }

    @Test
    void discoveryWhenReadThenCodeFlowWithS256AndRefresh() throws Exception {
        OIDCProviderMetadata provider = provider();

        assertEquals(List.of(ResponseType.CODE), provider.getResponseTypes());
        assertEquals(List.of(CodeChallengeMethod.S256), provider.getCodeChallengeMethods());
        assertTrue(provider.getGrantTypes().containsAll(List.of(GrantType.AUTHORIZATION_CODE,
                GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS)));
        assertTrue(provider.getTokenEndpointAuthMethods().contains(ClientAuthenticationMethod.NONE));
        assertTrue(provider.getClaims().containsAll(List.of("sub", "preferred_username", "auth_time", "nonce")));
    }
}
