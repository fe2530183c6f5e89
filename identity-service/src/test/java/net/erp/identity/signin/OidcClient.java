package net.erp.identity.signin;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.erp.fixtures.RegistryStandIn;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;

/**
 * A relying party driven by a real OpenID Connect library (Nimbus): it builds the authorization request,
 * reads the redirect and redeems the code. Its HTTP goes through RestAssured with the instance's Host header.
 */
public final class OidcClient {

    public static final String REDIRECT = "http://127.0.0.1:9/callback";
    public static final String POST_LOGOUT = "http://127.0.0.1:9/signed-out";

    private final TestTenant tenant;
    private final TestApp app;
    private OIDCProviderMetadata provider;

    private OidcClient(TestTenant tenant, TestApp app) {
        this.tenant = tenant;
        this.app = app;
    }

    /** A confidential app that lets internal users sign in with openid, profile, read and offline_access. */
    public static OidcClient confidential(TestTenant tenant) {
        TestApp app = tenant.app();
        configure(app.record());
        return new OidcClient(tenant, app);
    }

    /** A public app (no secret, PKCE) with the same settings. */
    public static OidcClient publicApp(TestTenant tenant) {
        String clientId = "com.test/spa-" + TestTenant.random(6);
        RegistryStandIn.App record = RegistryStandIn.shared().app(tenant.id(), clientId)
                .set("clientType", "PUBLIC").set("systemUserAllowed", false).set("systemUser", null);
        configure(record);
        return new OidcClient(tenant, new TestApp(tenant, clientId, null, record));
    }

    private static void configure(RegistryStandIn.App record) {
        record.set("redirectUris", List.of(REDIRECT)).set("postLogoutRedirectUris", List.of(POST_LOGOUT))
                .set("internalUsersAllowed", true).set("communityUsersAllowed", false)
                .set("scopes", List.of("openid", "profile", "read", "offline_access")).set("name", "Test <App>")
                .put();
    }

    /** The instance's discovery document, read once, as the library parses it. */
    public OIDCProviderMetadata provider() throws Exception {
        if (provider == null) {
            provider = OIDCProviderMetadata.parse(tenant.request().get("/id/.well-known/openid-configuration")
                    .then().statusCode(200).extract().asString());
        }
        return provider;
    }

    public TestApp app() {
        return app;
    }

    public String clientId() {
        return app.clientId();
    }

    /** Changes a field of the app's record. */
    public OidcClient set(String field, Object value) {
        app.record().set(field, value).put();
        return this;
    }

    /** An authorization request with state, nonce and, when {@code verifier} is given, S256 PKCE. */
    public AuthenticationRequest request(String scope, State state, Nonce nonce, CodeVerifier verifier) {
        URI endpoint;
        try {
            endpoint = provider().getAuthorizationEndpointURI();
        } catch (Exception e) {
            throw new AssertionError("the discovery document cannot be read", e);
        }
        var builder = new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(scope),
                new ClientID(app.clientId()), URI.create(REDIRECT))
                .endpointURI(endpoint)
                .state(state).nonce(nonce);
        if (verifier != null) {
            builder.codeChallenge(verifier, CodeChallengeMethod.S256);
        }
        return builder.build();
    }

    /** Signs {@code user} in through the login form (or the browser's sign-in) and answers the code. */
    public AuthorizationCode signIn(Browser browser, TestUsers.TestUser user, String scope, Nonce nonce,
            CodeVerifier verifier) throws Exception {
        State state = state();
        Response page = browser.open(request(scope, state, nonce, verifier).toURI());
        Response redirect = page.statusCode() == 302 ? page : browser.signIn(page, user.username(), user.password());
        if (redirect.statusCode() != 302) {
            throw new AssertionError("no redirect after sign-in: " + redirect.statusCode() + " " + redirect.asString());
        }
        return code(redirect, state);
    }

    /** Signs in and redeems the code: the token response, or fails. */
    public OIDCTokenResponse tokens(Browser browser, TestUsers.TestUser user, String scope) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        return tokens(redeem(signIn(browser, user, scope, new Nonce(), verifier), verifier));
    }

    /** The authorization code of a redirect to the app, checking state; fails on an error redirect. */
    public AuthorizationCode code(Response redirect, State state) throws Exception {
        AuthenticationResponse response =
                AuthenticationResponseParser.parse(URI.create(redirect.getHeader("Location")));
        if (!response.indicatesSuccess()) {
            throw new AssertionError("error redirect: " + response.toErrorResponse().getErrorObject());
        }
        if (!state.equals(response.getState())) {
            throw new AssertionError("state differs");
        }
        return response.toSuccessResponse().getAuthorizationCode();
    }

    /** Redeems a code at the token endpoint, with the app's secret when it has one. */
    public Response redeem(AuthorizationCode code, CodeVerifier verifier) {
        return token(new AuthorizationCodeGrant(code, URI.create(REDIRECT), verifier));
    }

    /** Any grant at the token endpoint, authenticated as the app. */
    public Response token(AuthorizationGrant grant) {
        return token(grant, null);
    }

    /** The refresh token grant, with a scope when one is given. */
    public Response refresh(String refreshToken, String scope) {
        return token(new RefreshTokenGrant(new RefreshToken(refreshToken)), scope == null ? null : Scope.parse(scope));
    }

    private Response token(AuthorizationGrant grant, Scope scope) {
        URI endpoint;
        try {
            endpoint = provider().getTokenEndpointURI();
        } catch (Exception e) {
            throw new AssertionError("the discovery document cannot be read", e);
        }
        TokenRequest request = app.secret() == null
                ? new TokenRequest(endpoint, new ClientID(app.clientId()), grant, scope)
                : new TokenRequest(endpoint, (ClientAuthentication) new ClientSecretBasic(
                        new ClientID(app.clientId()), new Secret(app.secret())), grant, scope);
        HTTPRequest http = request.toHTTPRequest();
        var call = tenant.request().contentType("application/x-www-form-urlencoded").body(http.getBody());
        for (Map.Entry<String, List<String>> header : http.getHeaderMap().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Authorization")) {
                call.header("Authorization", header.getValue().get(0));
            }
        }
        return call.post(endpoint.getPath());
    }

    /** The tokens of a successful token response. */
    public static OIDCTokenResponse tokens(Response response) throws Exception {
        HTTPResponse http = new HTTPResponse(response.statusCode());
        http.setContentType(response.getContentType());
        http.setBody(response.asString());
        var parsed = OIDCTokenResponseParser.parse(http);
        if (!parsed.indicatesSuccess()) {
            throw new AssertionError("token error: " + parsed.toErrorResponse().getErrorObject());
        }
        return (OIDCTokenResponse) parsed.toSuccessResponse();
    }

    /** A validator of this app's ID tokens against the instance's JWKS. */
    public IDTokenValidator idTokenValidator() throws Exception {
        String jwks = tenant.request().get(provider().getJWKSetURI().getPath()).asString();
        return new IDTokenValidator(provider().getIssuer(), new ClientID(app.clientId()), JWSAlgorithm.RS256,
                JWKSet.parse(jwks));
    }

    /** A fresh state. */
    public static State state() {
        return new State(UUID.randomUUID().toString());
    }
}
