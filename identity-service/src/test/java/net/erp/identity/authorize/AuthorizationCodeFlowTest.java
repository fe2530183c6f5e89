package net.erp.identity.authorize;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import net.erp.identity.TestTenant;
import net.erp.identity.signin.Browser;
import net.erp.identity.signin.OidcClient;
import net.erp.identity.signin.TestUsers;
import net.erp.identity.signin.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The code flow driven by Nimbus, the login form filled as a person would. */
@QuarkusTest
class AuthorizationCodeFlowTest {

    private final TestTenant tenant = TestTenant.create();
    private final Browser browser = new Browser(tenant);
    private TestUser user;

    @BeforeEach
    void createUser() {
        user = TestUsers.create(tenant, "INTERNAL");
    }

    @Test
    void codeFlowWhenConfidentialAppThenIdTokenVerifiesAgainstJwksWithNonce() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        Nonce nonce = new Nonce();

        AuthorizationCode code = client.signIn(browser, user, "openid read", nonce, null);
        Response response = client.redeem(code, null);

        response.then().statusCode(200).header("Cache-Control", "no-store");
        OIDCTokenResponse tokens = OidcClient.tokens(response);
        IDTokenClaimsSet claims = client.idTokenValidator().validate(tokens.getOIDCTokens().getIDToken(), nonce);
        assertEquals(user.id(), claims.getSubject().getValue());
        assertNotNull(claims.getAuthenticationTime());
        assertNotNull(claims.getStringClaim("sid"));
        AccessTokenValidator.validate(tokens.getOIDCTokens().getAccessToken(), JWSAlgorithm.RS256,
                claims.getAccessTokenHash());
        assertNull(tokens.getOIDCTokens().getRefreshToken());
    }

    @Test
    void codeFlowWhenPublicAppWithPkceThenTokens() throws Exception {
        OidcClient client = OidcClient.publicApp(tenant);
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();

        AuthorizationCode code = client.signIn(browser, user, "openid read", nonce, verifier);
        OIDCTokenResponse tokens = OidcClient.tokens(client.redeem(code, verifier));

        client.idTokenValidator().validate(tokens.getOIDCTokens().getIDToken(), nonce);
    }

    @Test
    void codeFlowWhenUserSignsInThenAccessTokenNamesUserAndSignIn() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);

        OIDCTokenResponse tokens = client.tokens(browser, user, "openid read");

        var access = SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue());
        var id = SignedJWT.parse(tokens.getOIDCTokens().getIDToken().serialize());
        assertEquals("at+jwt", access.getHeader().getType().getType());
        assertEquals(user.id(), access.getJWTClaimsSet().getSubject());
        assertEquals(user.username(), access.getJWTClaimsSet().getStringClaim("preferred_username"));
        assertEquals(id.getJWTClaimsSet().getStringClaim("sid"), access.getJWTClaimsSet().getStringClaim("sid"));
        assertEquals("JWT", id.getHeader().getType().getType());
    }

    @Test
    void authorizeWhenSignedInThenAnotherAppOfInstanceSkipsForm() throws Exception {
        OidcClient first = OidcClient.confidential(tenant);
        OidcClient second = OidcClient.confidential(tenant);
        first.signIn(browser, user, "openid", new Nonce(), null);

        Response answer = browser.open(second.request("openid", OidcClient.state(), new Nonce(), null).toURI());

        answer.then().statusCode(302).header("Location", containsString("code="));
    }

    @Test
    void authorizeWhenPromptLoginThenFormDespiteSignIn() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        client.signIn(browser, user, "openid", new Nonce(), null);
        var request = client.request("openid", OidcClient.state(), new Nonce(), null).toURI();

        Response answer = browser.open(java.net.URI.create(request + "&prompt=login"));

        answer.then().statusCode(200).body(containsString("name=\"password\""));
    }

    @Test
    void authorizeWhenPromptNoneAndNotSignedInThenLoginRequired() {
        OidcClient client = OidcClient.confidential(tenant);
        var request = client.request("openid", OidcClient.state(), new Nonce(), null).toURI();

        Response answer = browser.open(java.net.URI.create(request + "&prompt=none"));

        answer.then().statusCode(302).header("Location", containsString("error=login_required"))
                .header("Location", containsString("iss="));
    }

    @Test
    void authorizeWhenPromptNoneAndSignedInThenCode() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        client.signIn(browser, user, "openid", new Nonce(), null);
        var request = client.request("openid", OidcClient.state(), new Nonce(), null).toURI();

        Response answer = browser.open(java.net.URI.create(request + "&prompt=none"));

        answer.then().statusCode(302).header("Location", containsString("code="));
    }

    @Test
    void authorizeWhenMaxAgeZeroThenFormDespiteSignIn() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        client.signIn(browser, user, "openid", new Nonce(), null);
        Thread.sleep(1_100);
        var request = client.request("openid", OidcClient.state(), new Nonce(), null).toURI();

        Response answer = browser.open(java.net.URI.create(request + "&max_age=0"));

        answer.then().statusCode(200).body(containsString("name=\"password\""));
    }

    @Test
    void loginWhenSucceededThenCookieHttpOnlyLaxScopedToId() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        Response page = browser.open(client.request("openid", OidcClient.state(), new Nonce(), null).toURI());

        Response answer = browser.signIn(page, user.username(), user.password());

        String cookie = answer.getHeader("Set-Cookie");
        assertTrue(cookie.contains("HttpOnly"));
        assertTrue(cookie.contains("SameSite=Lax"));
        assertTrue(cookie.contains("Path=/id"));
        assertFalse(cookie.contains("Secure"), "http issuer: no Secure");
    }

    @Test
    void loginPageWhenShownThenAppNameEscaped() {
        OidcClient client = OidcClient.confidential(tenant);

        Response page = browser.open(client.request("openid", OidcClient.state(), new Nonce(), null).toURI());

        page.then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Test &lt;App&gt;"))
                .body(containsString("name=\"username\""));
    }

    @Test
    void userinfoWhenProfileScopeThenNameAndEmail() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        String token = client.tokens(browser, user, "openid profile").getOIDCTokens().getAccessToken().getValue();

        tenant.request().auth().oauth2(token).get("/id/connect/userinfo")
                .then().statusCode(200)
                .body("sub", equalTo(user.id()))
                .body("preferred_username", equalTo(user.username()))
                .body("name", equalTo("Test " + user.username()))
                .body("email", equalTo(user.username() + "@example.test"));
    }
}
