package net.erp.identity.logout;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.erp.contract.registry.RegistryChange;
import net.erp.fixtures.LogLines;
import net.erp.identity.SessionStandIn;
import net.erp.identity.TestTenant;
import net.erp.identity.idtoken.IdTokenIssuer;
import net.erp.identity.keys.SigningKeys;
import net.erp.identity.signin.Browser;
import net.erp.identity.signin.OidcClient;
import net.erp.identity.signin.TestUsers;
import net.erp.identity.signin.TestUsers.TestUser;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RP-initiated logout: the confirmation page, what ending a sign-in ends, where the browser goes after. */
@QuarkusTest
class EndSessionTest {

    private final TestTenant tenant = TestTenant.create();
    private final Browser browser = new Browser(tenant);
    private TestUser user;
    private OidcClient client;
    private OIDCTokenResponse tokens;

    @Inject
    SigningKeys keys;

    @Inject
    Event<RegistryChange> registryChanges;

    @BeforeEach
    void signIn() throws Exception {
        user = TestUsers.create(tenant, "INTERNAL");
        client = OidcClient.confidential(tenant);
        tokens = client.tokens(browser, user, "openid read");
    }

    private String accessToken() {
        return tokens.getOIDCTokens().getAccessToken().getValue();
    }

    private String idToken() {
        return tokens.getOIDCTokens().getIDTokenString();
    }

    private Response logout(String query) {
        return browser.open(URI.create("/id/connect/endsession" + (query.isEmpty() ? "" : "?" + query)));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Response confirm(Response page) {
        return browser.submit(page, Map.of());
    }

    @Test
    void endSessionWhenAskedThenConfirmationPageAndStillSignedIn() {
        Response page = logout("id_token_hint=" + idToken());

        page.then().statusCode(200).body(containsString("logout_token")).body(containsString(user.username()));
        tenant.request().auth().oauth2(accessToken()).get("/id/connect/userinfo").then().statusCode(200);
    }

    @Test
    void endSessionWhenConfirmedThenAccessTokenRefusedAtUserinfo() {
        confirm(logout("id_token_hint=" + idToken()));

        tenant.request().auth().oauth2(accessToken()).get("/id/connect/userinfo")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void endSessionWhenConfirmedThenCookieNoLongerSkipsForm() {
        String cookie = browser.cookie();
        confirm(logout(""));
        browser.cookie(cookie);

        Response answer = browser.open(client.request("openid", OidcClient.state(), new Nonce(), null).toURI());

        answer.then().statusCode(200).body(containsString("name=\"password\""));
    }

    @Test
    void endSessionWhenConfirmedThenCookieCleared() {
        Response answer = confirm(logout(""));

        assertTrue(answer.getHeader("Set-Cookie").contains("Max-Age=0"));
    }

    @Test
    void endSessionWhenConfirmedThenSessionServiceAskedToCloseTheSignIn() throws Exception {
        String sid = com.nimbusds.jwt.SignedJWT.parse(accessToken()).getJWTClaimsSet().getStringClaim("sid");

        confirm(logout(""));

        assertTrue(SessionStandIn.CALLS.stream().anyMatch(call ->
                call.startsWith("/internal/instances/" + tenant.id() + "/sessions/close") && call.contains(sid)));
    }

    @Test
    void endSessionWhenConfirmedThenAuditLogout() {
        try (LogLines audit = LogLines.audit()) {
            confirm(logout("client_id=" + enc(client.clientId())));

            assertTrue(audit.lines().stream().anyMatch(line -> line.contains("event=logout")
                    && line.contains("instance=" + tenant.id()) && line.contains("user=" + user.id())));
        }
    }

    @Test
    void endSessionWhenPostLogoutUriRegisteredThenRedirectWithState() {
        Response page = logout("id_token_hint=" + idToken() + "&post_logout_redirect_uri="
                + enc(OidcClient.POST_LOGOUT) + "&state=st1");

        Response answer = confirm(page);

        answer.then().statusCode(302).header("Location", equalTo(OidcClient.POST_LOGOUT + "?state=st1"));
    }

    @Test
    void endSessionWhenPostLogoutUriNotRegisteredThenSignedOutPageAndNoRedirect() {
        Response page = logout("id_token_hint=" + idToken() + "&post_logout_redirect_uri="
                + enc(OidcClient.POST_LOGOUT + "/") + "&state=st1");

        Response answer = confirm(page);

        answer.then().statusCode(200).header("Location", nullValue()).body(containsString("signed out"));
    }

    @Test
    void endSessionWhenAppDisabledThenSignedOutPageAndNoRedirect() {
        Response page = logout("id_token_hint=" + idToken() + "&post_logout_redirect_uri="
                + enc(OidcClient.POST_LOGOUT) + "&state=st1");
        client.set("enabled", false);
        registryChanges.fire(RegistryChange.app(tenant.id(), client.clientId()));

        Response answer = confirm(page);

        answer.then().statusCode(200).header("Location", nullValue()).body(containsString("signed out"));
    }

    @Test
    void endSessionWhenAppDisabledThenSignInStillEnded() {
        Response page = logout("id_token_hint=" + idToken() + "&post_logout_redirect_uri="
                + enc(OidcClient.POST_LOGOUT));
        client.set("enabled", false);
        registryChanges.fire(RegistryChange.app(tenant.id(), client.clientId()));

        confirm(page);

        tenant.request().auth().oauth2(accessToken()).get("/id/connect/userinfo").then().statusCode(401);
        assertTrue(browser.cookie() == null, "the sign-in cookie is cleared");
    }

    @Test
    void endSessionWhenPostLogoutUriWithoutClientThenNoRedirect() {
        Response answer = confirm(logout("post_logout_redirect_uri=" + enc(OidcClient.POST_LOGOUT)));

        answer.then().statusCode(200).header("Location", nullValue());
    }

    @Test
    void endSessionWhenLogoutTokenForgedThenRefusedAndStillSignedIn() {
        Response page = logout("");

        browser.submit(page, Map.of("logout_token", "forged")).then().statusCode(400);

        tenant.request().auth().oauth2(accessToken()).get("/id/connect/userinfo").then().statusCode(200);
    }

    @Test
    void endSessionWhenHintIsAnAccessTokenThenErrorPage() {
        logout("id_token_hint=" + accessToken()).then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void endSessionWhenHintSignatureTamperedThenErrorPage() {
        String[] parts = idToken().split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        logout("id_token_hint=" + tampered).then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void endSessionWhenHintOfAnotherInstanceThenErrorPage() throws Exception {
        TestTenant other = TestTenant.create();
        TestUser stranger = TestUsers.create(other, "INTERNAL");
        String foreign = OidcClient.confidential(other).tokens(new Browser(other), stranger, "openid")
                .getOIDCTokens().getIDTokenString();

        logout("id_token_hint=" + foreign).then().statusCode(400);
    }

    @Test
    void endSessionWhenNotSignedInThenSignedOutPage() {
        browser.cookie(null);

        logout("").then().statusCode(200).body(containsString("signed out"));
    }

    @Test
    void endSessionWhenPostedWithoutCookieThenCookieNotCleared() {
        Response answer = tenant.request().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("client_id=" + enc(client.clientId())).post("/id/connect/endsession");

        answer.then().statusCode(200).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void endSessionConfirmWhenPostedWithoutCookieThenCookieNotCleared() {
        Response answer = tenant.request().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("logout_token=x").post("/id/connect/endsession/confirm");

        answer.then().statusCode(200).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void endSessionWhenHintExpiredThenStillConfirmationAndRedirect() throws Exception {
        JwtClaims claims = JwtClaims.parse(SignedJWT.parse(idToken()).getJWTClaimsSet().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(claims.getIssuedAt().getValue() - 7_200));
        claims.setExpirationTime(NumericDate.fromSeconds(claims.getIssuedAt().getValue() + 60));
        String expired = keys.sign(claims, IdTokenIssuer.TYPE).await().indefinitely();

        Response page = logout("id_token_hint=" + expired + "&post_logout_redirect_uri=" + enc(OidcClient.POST_LOGOUT));

        page.then().statusCode(200).body(containsString("logout_token"));
        confirm(page).then().statusCode(302).header("Location", containsString(OidcClient.POST_LOGOUT));
    }
}
