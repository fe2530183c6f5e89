package net.erp.identity.refresh;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import com.nimbusds.oauth2.sdk.id.State;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import net.erp.contract.registry.RegistryChange;
import net.erp.contract.revocation.RevocationList;
import net.erp.fixtures.LogLines;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import net.erp.identity.TestTenant;
import net.erp.identity.signin.Browser;
import net.erp.identity.signin.OidcClient;
import net.erp.identity.signin.TestUsers;
import net.erp.identity.signin.TestUsers.TestUser;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refresh tokens: issued with offline_access, rotated, reuse detection, revocation by logout and password. */
@QuarkusTest
class RefreshTokenGrantTest {

    private final TestTenant tenant = TestTenant.create();
    private final Browser browser = new Browser(tenant);
    private TestUser user;
    private OidcClient client;
    private OIDCTokenResponse tokens;

    @Inject
    Pool pool;

    @Inject
    Event<RegistryChange> registryChanges;

    @Inject
    RevocationList revocations;

    @ConfigProperty(name = "identity.schema")
    String schema;

    @BeforeEach
    void signIn() throws Exception {
        user = TestUsers.create(tenant, "INTERNAL");
        client = OidcClient.confidential(tenant);
        tokens = client.tokens(browser, user, "openid read offline_access");
    }

    private String refreshToken() {
        return tokens.getOIDCTokens().getRefreshToken().getValue();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String claim(String jwt, String name) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet().getStringClaim(name);
    }

    @Test
    void codeGrantWhenOfflineAccessThenRefreshToken() {
        assertNotNull(tokens.getOIDCTokens().getRefreshToken());
    }

    @Test
    void refreshWhenUsedThenNewTokensWithSameSid() throws Exception {
        OIDCTokenResponse refreshed = OidcClient.tokens(client.refresh(refreshToken(), null));

        assertNotEquals(refreshToken(), refreshed.getOIDCTokens().getRefreshToken().getValue());
        assertEquals(claim(tokens.getOIDCTokens().getAccessToken().getValue(), "sid"),
                claim(refreshed.getOIDCTokens().getAccessToken().getValue(), "sid"));
        client.idTokenValidator().validate(refreshed.getOIDCTokens().getIDToken(), null);
    }

    private void appScopes(String... scopes) {
        client.set("scopes", List.of(scopes));
        registryChanges.fire(RegistryChange.app(tenant.id(), client.clientId()));
    }

    @Test
    void refreshWhenAppNoLongerHasOfflineAccessThenInvalidGrant() {
        appScopes("openid", "profile", "read");

        client.refresh(refreshToken(), null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void refreshWhenAppLostOfflineAccessAndGotItBackThenFamilyStaysRevoked() {
        appScopes("openid", "profile", "read");
        client.refresh(refreshToken(), null).then().statusCode(400);

        appScopes("openid", "profile", "read", "offline_access");

        client.refresh(refreshToken(), null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void refreshWhenAppLostAScopeThenNewTokensWithoutIt() throws Exception {
        appScopes("openid", "profile", "offline_access");

        Response answer = client.refresh(refreshToken(), null);

        answer.then().statusCode(200).body("scope", equalTo("openid offline_access"));
        String access = OidcClient.tokens(answer).getOIDCTokens().getAccessToken().getValue();
        assertEquals("openid offline_access", claim(access, "scope"));
    }

    @Test
    void refreshWhenScopeAsksForOneTheAppLostThenNotInTheToken() throws Exception {
        appScopes("openid", "profile", "offline_access");

        Response answer = client.refresh(refreshToken(), "openid read");

        answer.then().statusCode(200).body("scope", equalTo("openid"));
    }

    @Test
    void refreshWhenRotatedTokenUsedAgainThenInvalidGrant() {
        client.refresh(refreshToken(), null).then().statusCode(200);

        client.refresh(refreshToken(), null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void refreshWhenRotatedTokenUsedAgainThenSuccessorRevoked() throws Exception {
        String successor = OidcClient.tokens(client.refresh(refreshToken(), null))
                .getOIDCTokens().getRefreshToken().getValue();

        client.refresh(refreshToken(), null);

        client.refresh(successor, null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void refreshWhenRotatedTokenUsedAgainThenSignInAccessTokensRefused() throws Exception {
        String access = OidcClient.tokens(client.refresh(refreshToken(), null))
                .getOIDCTokens().getAccessToken().getValue();

        client.refresh(refreshToken(), null);

        tenant.request().auth().oauth2(access).get("/id/connect/userinfo")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void refreshWhenRotatedTokenUsedAgainThenAuditReuseWithoutToken() {
        client.refresh(refreshToken(), null);

        try (LogLines audit = LogLines.audit()) {
            client.refresh(refreshToken(), null);

            String event = audit.lines().stream().filter(line -> line.contains("event=refresh.reused"))
                    .findFirst().orElseThrow();
            assertTrue(event.contains("instance=" + tenant.id()) && event.contains("client_id=" + client.clientId()));
            assertTrue(!event.contains(refreshToken()));
        }
    }

    @Test
    void refreshWhenScopeNarrowedThenAccessTokenHasIt() throws Exception {
        Response response = client.refresh(refreshToken(), "read");

        response.then().statusCode(200).body("scope", equalTo("read"));
    }

    @Test
    void refreshWhenScopeWidenedThenInvalidScope() {
        client.refresh(refreshToken(), "read profile")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void refreshWhenOtherClientThenInvalidGrant() {
        OidcClient other = OidcClient.confidential(tenant);

        other.refresh(refreshToken(), null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void refreshWhenUserLoggedOutThenInvalidGrant() {
        Response page = browser.open(URI.create("/id/connect/endsession"));
        browser.submit(page, Map.of()).then().statusCode(200);

        client.refresh(refreshToken(), null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void refreshWhenPasswordChangedThenInvalidGrant() {
        TestUsers.changePassword(tenant, user);

        client.refresh(refreshToken(), null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void refreshWhenUserDeletedThenInvalidGrant() {
        TestUsers.delete(tenant, user);

        client.refresh(refreshToken(), null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void refreshWhenAppDisabledThenInvalidClient() {
        client.set("enabled", false);
        registryChanges.fire(RegistryChange.app(tenant.id(), client.clientId()));

        client.refresh(refreshToken(), null).then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void revocationWhenRefreshTokenRevokedThenFamilyRevoked() throws Exception {
        String successor = OidcClient.tokens(client.refresh(refreshToken(), null))
                .getOIDCTokens().getRefreshToken().getValue();

        tenant.request().auth().preemptive().basic(client.clientId(), client.app().secret())
                .formParam("token", successor).post("/id/connect/revocation").then().statusCode(200);

        client.refresh(successor, null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void revocationWhenRefreshTokenOfAnotherAppThenUnauthorizedClient() {
        OidcClient other = OidcClient.confidential(tenant);

        tenant.request().auth().preemptive().basic(other.clientId(), other.app().secret())
                .formParam("token", refreshToken()).post("/id/connect/revocation")
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void codeGrantWhenCodeReusedThenRefreshFamilyRevoked() throws Exception {
        OidcClient second = OidcClient.confidential(tenant);
        AuthorizationCode code = second.signIn(browser, user, "openid offline_access", new Nonce(), null);
        String refresh = OidcClient.tokens(second.redeem(code, null)).getOIDCTokens().getRefreshToken().getValue();

        second.redeem(code, null).then().statusCode(400);

        second.refresh(refresh, null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void codeGrantWhenPublicAppThenRefreshTokenLivesOneDay() throws Exception {
        OidcClient spa = OidcClient.publicApp(tenant);
        spa.tokens(browser, user, "openid offline_access");

        OffsetDateTime expires = pool.preparedQuery("SELECT expires_at FROM " + schema + ".refresh_token "
                        + "WHERE client_id = $1").execute(Tuple.of(spa.clientId()))
                .await().indefinitely().iterator().next().getOffsetDateTime("expires_at");

        Duration left = Duration.between(OffsetDateTime.now(), expires);
        assertTrue(left.compareTo(Duration.ofHours(23)) > 0 && left.compareTo(Duration.ofHours(24)) <= 0);
    }

    @Test
    void codeGrantWhenNoOpenidThenNoIdToken() throws Exception {
        OidcClient plain = OidcClient.confidential(tenant);
        State state = OidcClient.state();
        URI request = URI.create("/id/connect/authorize?response_type=code&scope=read&state=" + state.getValue()
                + "&client_id=" + enc(plain.clientId()) + "&redirect_uri=" + enc(OidcClient.REDIRECT));
        AuthorizationCode code = plain.code(browser.open(request), state);

        plain.redeem(code, null).then().statusCode(200).body("id_token", equalTo(null))
                .body("access_token", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void refreshWhenAnotherFamilyOfTheSignInWasReusedThenInvalidGrant() throws Exception {
        OidcClient other = OidcClient.confidential(tenant);
        String otherRefresh = other.tokens(browser, user, "openid read offline_access")
                .getOIDCTokens().getRefreshToken().getValue();
        client.refresh(refreshToken(), null).then().statusCode(200);

        client.refresh(refreshToken(), null).then().statusCode(400);

        other.refresh(otherRefresh, null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void authorizeWhenSignInEndedByReusedRefreshTokenThenLoginForm() {
        client.refresh(refreshToken(), null).then().statusCode(200);
        client.refresh(refreshToken(), null).then().statusCode(400);

        Response answer = browser.open(client.request("openid", OidcClient.state(), new Nonce(), null).toURI());

        answer.then().statusCode(200).body(org.hamcrest.Matchers.containsString("name=\"password\""));
    }

    @Test
    void refreshWhenAppCutOffAfterIssueThenInvalidGrant() {
        revocations.cutOffClient(tenant.id(), client.clientId(), Duration.ofMinutes(5)).await().indefinitely();

        client.refresh(refreshToken(), null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }
}
