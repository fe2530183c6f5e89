package net.erp.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import net.erp.platform.Operator.App;
import net.erp.platform.Operator.Instance;
import net.erp.platform.Operator.ReferenceToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform as its users meet it: the packaged services as processes, an operator registering an
 * instance and an app through the registry API, the app getting tokens from identity-service with a real
 * OAuth client library, and sessions taking the instance's licences at session-service.
 */
class PlatformIT {

    private static Platform platform;
    private static Operator operator;

    @BeforeAll
    static void start() {
        platform = new Platform(Map.of()).start();
        operator = new Operator(platform);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void serviceTokenWhenVerifiedWithDiscoveredJwksThenClaimsMatchTheInstance() throws Exception {
        Instance instance = operator.createInstance(5, List.of());
        App app = operator.registerServiceApp(instance);
        String issuer = operator.tokenEndpoint(instance).replace("/connect/token", "");

        String token = operator.serviceToken(app);
        var metadata = OIDCProviderMetadata.resolve(new Issuer(issuer));
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("urn:erp:instance:" + instance.id(),
                new JWTClaimsSet.Builder().issuer(issuer).subject(app.systemUser()).build(),
                Set.of("iat", "exp", "jti", "sid", "client_id", "scope")));
        JWTClaimsSet claims = processor.process(token, null);

        assertEquals(app.clientId(), claims.getStringClaim("client_id"));
        assertEquals("read", claims.getStringClaim("scope"));
    }

    @Test
    void sessionsWhenLicencesRunOutThenMaximumLicenseCountExceeded() {
        Instance instance = operator.createInstance(1, List.of());
        App app = operator.registerServiceApp(instance);

        String first = operator.serviceToken(app);
        String second = operator.serviceToken(app);

        openSession(first).then().statusCode(200)
                .body("instanceId", equalTo(instance.id()))
                .body("subject", equalTo(app.systemUser()))
                .body("licensesInUse", equalTo(1))
                .body("licenseLimit", equalTo(1));
        openSession(second).then().statusCode(403)
                .body("error", equalTo("MaximumLicenseCountExceeded"))
                .body("licenseLimit", equalTo(1));
    }

    @Test
    void sessionsWhenLicenceLimitRaisedThenNextSessionOpensWithinFiveSeconds() {
        Instance instance = operator.createInstance(1, List.of());
        App app = operator.registerServiceApp(instance);
        openSession(operator.serviceToken(app)).then().statusCode(200);
        String waiting = operator.serviceToken(app);

        operator.admin().contentType(ContentType.JSON)
                .body(Map.of("id", instance.id(), "displayName", "raised", "hostnames", List.of(instance.host()),
                        "licenseLimit", 2, "reservedAccounts", List.of(), "sandbox", true))
                .put(platform.registryUrl() + "/api/instances/" + instance.id())
                .then().statusCode(200);

        assertTrue(within(Duration.ofSeconds(5), () -> openSession(waiting).statusCode() == 200),
                "a raised licence limit must take effect within 5 seconds");
    }

    @Test
    void tokenWhenRevokedThenSessionRefusedAndIntrospectionInactive() {
        Instance instance = operator.createInstance(5, List.of());
        App app = operator.registerServiceApp(instance);
        String token = operator.serviceToken(app);
        String introspect = operator.tokenEndpoint(instance).replace("/token", "/introspect");

        given().auth().preemptive().basic(app.clientId(), app.secret()).formParam("token", token)
                .post(operator.tokenEndpoint(instance).replace("/token", "/revocation"))
                .then().statusCode(200);

        assertTrue(within(Duration.ofSeconds(5), () -> openSession(token).statusCode() == 401));
        given().auth().preemptive().basic(app.clientId(), app.secret()).formParam("token", token)
                .post(introspect)
                .then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void appWhenDisabledThenNoTokensAndItsTokensRefusedWithinFiveSeconds() {
        Instance instance = operator.createInstance(5, List.of());
        App app = operator.registerServiceApp(instance);
        String token = operator.serviceToken(app);

        var disabled = operator.admin().get(operator.appsUrl(instance) + "/" + Operator.encode(app.clientId()))
                .then().statusCode(200).extract().<Map<String, Object>>path("");
        var record = new java.util.HashMap<>(disabled);
        record.put("enabled", false);
        record.keySet().retainAll(Set.of("clientId", "name", "clientType", "redirectUris", "postLogoutRedirectUris",
                "internalUsersAllowed", "communityUsersAllowed", "systemUserAllowed", "systemUser", "scopes",
                "referenceTokens", "enabled"));
        operator.admin().contentType(ContentType.JSON).body(record)
                .put(operator.appsUrl(instance) + "/" + Operator.encode(app.clientId()))
                .then().statusCode(200);

        assertTrue(within(Duration.ofSeconds(5), () -> tokenStatus(instance, app) == 401),
                "a disabled app must get invalid_client within 5 seconds");
        assertTrue(within(Duration.ofSeconds(5), () -> openSession(token).statusCode() == 401),
                "the tokens of a disabled app must be refused within 5 seconds");
    }

    @Test
    void secretWhenDeletedThenInvalidClientWithinFiveSeconds() {
        Instance instance = operator.createInstance(5, List.of());
        App app = operator.registerServiceApp(instance);
        String secrets = operator.appsUrl(instance) + "/" + Operator.encode(app.clientId()) + "/secrets";
        String secretId = operator.admin().get(secrets).then().statusCode(200).extract().path("[0].id");

        operator.admin().delete(secrets + "/" + secretId).then().statusCode(204);

        assertTrue(within(Duration.ofSeconds(5), () -> tokenStatus(instance, app) == 401));
    }

    @Test
    void tokenWhenIntrospectedByAnotherInstanceThenInactive() {
        Instance home = operator.createInstance(5, List.of());
        Instance other = operator.createInstance(5, List.of());
        App app = operator.registerServiceApp(home);
        App otherApp = operator.registerServiceApp(other);

        String token = operator.serviceToken(app);

        given().auth().preemptive().basic(otherApp.clientId(), otherApp.secret()).formParam("token", token)
                .post(operator.tokenEndpoint(other).replace("/token", "/introspect"))
                .then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void licenceLimitWhenTwoHundredParallelOpensAcrossTwoSessionReplicasThenExactlyTenSucceed() throws Exception {
        Instance instance = operator.createInstance(10, List.of());
        App app = operator.registerServiceApp(instance);
        String replica = platform.startReplica("session-service");
        var tokens = new ArrayList<String>();
        for (int i = 0; i < 200; i++) {
            tokens.add(operator.serviceToken(app));
        }

        var calls = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < tokens.size(); i++) {
            String url = (i % 2 == 0 ? platform.sessionUrl() : replica) + "/api/sessions";
            String token = tokens.get(i);
            calls.add(() -> given().auth().oauth2(token).post(url).statusCode());
        }
        var statuses = new java.util.TreeMap<Integer, Integer>();
        var pool = Executors.newFixedThreadPool(50);
        try {
            for (var result : pool.invokeAll(calls)) {
                statuses.merge(result.get(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(Map.of(200, 10, 403, 190), statuses);
    }

    @Test
    void tokenWhenSignedByOneIdentityReplicaThenAcceptedThroughAnother() {
        Instance instance = operator.createInstance(5, List.of());
        App app = operator.registerServiceApp(instance);
        String replica = platform.startReplica("identity-service");
        String replicaHost = "http://" + instance.host() + ":" + java.net.URI.create(replica).getPort();

        String token = Operator.clientCredentials(replicaHost + "/id/connect/token", app.clientId(), app.secret(),
                null);

        given().auth().preemptive().basic(app.clientId(), app.secret()).formParam("token", token)
                .post(operator.tokenEndpoint(instance).replace("/token", "/introspect"))
                .then().statusCode(200).body("active", equalTo(true));
        openSession(token).then().statusCode(200);
    }

    @Test
    void serviceReferenceTokenWhenSentAsApiKeyThenOneServiceSessionUntilRevoked() {
        Instance instance = operator.createInstance(5, List.of());
        App app = operator.registerServiceApp(instance, "ADMINISTRATORS_ONLY");
        ReferenceToken sat = operator.issueReferenceToken(app, null);

        String sessionId = given().header("X-Api-Key", sat.value()).post(platform.sessionUrl() + "/api/sessions")
                .then().statusCode(200).body("subject", equalTo(app.systemUser()))
                .body("clientId", equalTo(app.clientId())).body("licensesInUse", equalTo(1))
                .extract().path("sessionId");
        given().auth().oauth2(sat.value()).post(platform.sessionUrl() + "/api/sessions")
                .then().statusCode(200).body("sessionId", equalTo(sessionId)).body("licensesInUse", equalTo(1));
        operator.admin().delete(operator.referenceTokensUrl(instance) + "/" + sat.id()).then().statusCode(204);

        assertTrue(within(Duration.ofSeconds(5), () -> given().header("Api-Key", sat.value())
                .post(platform.sessionUrl() + "/api/sessions").statusCode() == 401),
                "a revoked reference token must be refused within 5 seconds");
        assertEquals(0, licencesInUse(instance), "revoking the token must close its session at once");
    }

    @Test
    void personalReferenceTokenWhenPasswordChangedThenRefusedAndSessionClosed() {
        Instance instance = operator.createInstance(5, List.of());
        App app = operator.registerWebApp(instance, "http://localhost:9/callback", "http://localhost:9/signed-out",
                "ADMINISTRATORS_ONLY");
        String userId = operator.createUser(instance, "pat-user", "a long enough password 1");
        ReferenceToken pat = operator.issueReferenceToken(app, userId);
        given().auth().oauth2(pat.value()).post(platform.sessionUrl() + "/api/sessions")
                .then().statusCode(200).body("subject", equalTo(userId));
        given().auth().preemptive().basic(app.clientId(), app.secret()).formParam("token", pat.value())
                .post(operator.tokenEndpoint(instance).replace("/token", "/introspect"))
                .then().statusCode(200).body("active", equalTo(true)).body("sub", equalTo(userId));

        operator.admin().contentType(ContentType.JSON).body(Map.of("password", "another long password 2"))
                .put(platform.identityUrl() + "/api/instances/" + instance.id() + "/users/" + userId + "/password")
                .then().statusCode(200);

        assertEquals(0, licencesInUse(instance), "a password change must close the user's sessions at once");
        assertTrue(within(Duration.ofSeconds(5), () -> given().auth().oauth2(pat.value())
                .post(platform.sessionUrl() + "/api/sessions").statusCode() == 401),
                "a password change must revoke the user's personal tokens");
    }

    @Test
    void userWhenSignedInThenSessionOpensAndLogoutClosesItAndEndsTheSignInsTokens() throws Exception {
        Instance instance = operator.createInstance(5, List.of());
        URI callback = URI.create("http://localhost:9/callback");
        URI signedOut = URI.create("http://localhost:9/signed-out");
        App web = operator.registerWebApp(instance, callback.toString(), signedOut.toString());
        String userId = operator.createUser(instance, "web-user", "a long enough password 1");
        var metadata = OIDCProviderMetadata.resolve(new Issuer(operator.issuer(instance)));
        var browser = new Browser();
        OIDCTokens tokens = signIn(browser, metadata, web, callback, "web-user", "a long enough password 1");
        openSession(tokens.getAccessToken().getValue()).then().statusCode(200).body("subject", equalTo(userId));

        var logout = new LogoutRequest(metadata.getEndSessionEndpointURI(), tokens.getIDToken(), signedOut,
                new State("after-logout"));
        HttpResponse<String> confirmation = browser.open(logout.toURI());
        assertEquals(200, confirmation.statusCode(), "endsession asks the person to confirm");
        HttpResponse<String> done = browser.submit(confirmation, Map.of());

        assertTrue(done.headers().firstValue("Location").orElse("").startsWith(signedOut + "?state=after-logout"),
                "logout must return to the registered post-logout URI with the state");
        assertEquals(0, licencesInUse(instance), "logout must close the sign-in's session at once");
        assertTrue(within(Duration.ofSeconds(5), () -> openSession(tokens.getAccessToken().getValue())
                .statusCode() == 401), "the access token of an ended sign-in must be refused within 5 seconds");
        var refresh = new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(web.clientId()), new Secret(web.secret())),
                new RefreshTokenGrant(tokens.getRefreshToken()));
        var refused = OIDCTokenResponseParser.parse(refresh.toHTTPRequest().send());
        assertEquals("invalid_grant", refused.toErrorResponse().getErrorObject().getCode());
    }

    /** The authorization code flow with PKCE as a real client drives it, the person filling the login form. */
    private static OIDCTokens signIn(Browser browser, OIDCProviderMetadata metadata, App web, URI callback,
            String username, String password) throws Exception {
        var verifier = new CodeVerifier();
        var state = new State();
        var authorize = new AuthenticationRequest.Builder(new ResponseType("code"),
                new Scope("openid", "read", "offline_access"), new ClientID(web.clientId()), callback)
                .endpointURI(metadata.getAuthorizationEndpointURI()).state(state).nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256).build();
        HttpResponse<String> loginPage = browser.open(authorize.toURI());
        assertEquals(200, loginPage.statusCode(), "authorize shows the login page");
        HttpResponse<String> back = browser.submit(loginPage, Map.of("username", username, "password", password));
        var answer = AuthorizationResponse.parse(URI.create(back.headers().firstValue("Location").orElseThrow()));
        assertEquals(state, answer.getState());
        var redeem = new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(web.clientId()), new Secret(web.secret())),
                new AuthorizationCodeGrant(answer.toSuccessResponse().getAuthorizationCode(), callback, verifier));
        var response = OIDCTokenResponseParser.parse(redeem.toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            throw new AssertionError("code refused: " + response.toErrorResponse().getErrorObject().toJSONObject());
        }
        return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    }

    private int licencesInUse(Instance instance) {
        return operator.admin().get(platform.sessionUrl() + "/api/instances/" + instance.id() + "/licenses")
                .then().statusCode(200).extract().path("licensesInUse");
    }

    private io.restassured.response.Response openSession(String token) {
        return given().auth().oauth2(token).post(platform.sessionUrl() + "/api/sessions");
    }

    private int tokenStatus(Instance instance, App app) {
        return given().formParam("grant_type", "client_credentials")
                .auth().preemptive().basic(app.clientId(), app.secret())
                .post(operator.tokenEndpoint(instance)).statusCode();
    }

    private static boolean within(Duration limit, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }
}
