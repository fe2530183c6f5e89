package net.erp.identity.authorize;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.nimbusds.openid.connect.sdk.Nonce;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import net.erp.identity.TestTenant;
import net.erp.identity.signin.Browser;
import net.erp.identity.signin.OidcClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every refusal of the authorization endpoint: an error page before the redirect URI is trusted, a redirect after. */
@QuarkusTest
class AuthorizeErrorsTest {

    private final TestTenant tenant = TestTenant.create();
    private final Browser browser = new Browser(tenant);

    private Response open(OidcClient client, String query) {
        return browser.open(URI.create("/id/connect/authorize?" + query));
    }

    private String valid(OidcClient client) {
        return "response_type=code&scope=openid&state=s1&client_id=" + enc(client.clientId())
                + "&redirect_uri=" + enc(OidcClient.REDIRECT);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1:9/callback", "http://localhost:9/callback",
        "http://127.0.0.1:10/callback", "http://127.0.0.1:9/Callback", "http://127.0.0.1:9/callback/",
        "http://127.0.0.1:9/callback?x=1"})
    void authorizeWhenRedirectUriNotRegisteredExactlyThenErrorPageAndNoRedirect(String redirectUri) {
        OidcClient client = OidcClient.confidential(tenant);

        Response answer = open(client, valid(client).replace(enc(OidcClient.REDIRECT), enc(redirectUri)));

        answer.then().statusCode(400).header("Location", nullValue()).contentType(containsString("text/html"))
                .body(containsString("redirect_uri"));
    }

    @Test
    void authorizeWhenRedirectUriMissingThenErrorPage() {
        OidcClient client = OidcClient.confidential(tenant);

        Response answer = open(client, valid(client).replace("&redirect_uri=" + enc(OidcClient.REDIRECT), ""));

        answer.then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void authorizeWhenHostOfNoInstanceThenUnknownInstance() {
        io.restassured.RestAssured.given().header("Host", "nobody.example.test").redirects().follow(false)
                .get("/id/connect/authorize?client_id=x")
                .then().statusCode(404).body("error", org.hamcrest.Matchers.equalTo("unknown_instance"));
    }

    @Test
    void authorizeWhenClientUnknownThenErrorPage() {
        OidcClient client = OidcClient.confidential(tenant);

        Response answer = open(client, valid(client).replace(enc(client.clientId()), "com.test%2Fnobody"));

        answer.then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void authorizeWhenAppDisabledThenErrorPage() {
        OidcClient client = OidcClient.confidential(tenant).set("enabled", false);

        Response answer = open(client, valid(client));

        answer.then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void authorizeWhenResponseTypeTokenThenUnsupportedResponseTypeRedirectWithStateAndIss() {
        OidcClient client = OidcClient.confidential(tenant);

        Response answer = open(client, valid(client).replace("response_type=code", "response_type=token"));

        answer.then().statusCode(302)
                .header("Location", containsString(OidcClient.REDIRECT + "?error=unsupported_response_type"))
                .header("Location", containsString("state=s1"))
                .header("Location", containsString("iss=" + enc(tenant.issuer())));
    }

    @Test
    void authorizeWhenScopeNotTheAppsThenInvalidScope() {
        OidcClient client = OidcClient.confidential(tenant);

        Response answer = open(client, valid(client).replace("scope=openid", "scope=openid+update"));

        answer.then().statusCode(302).header("Location", containsString("error=invalid_scope"));
    }

    @Test
    void authorizeWhenScopeAdminThenInvalidScope() {
        OidcClient client = OidcClient.confidential(tenant);
        client.set("scopes", java.util.List.of("openid", "admin"));

        Response answer = open(client, valid(client).replace("scope=openid", "scope=openid+admin"));

        answer.then().statusCode(302).header("Location", containsString("error=invalid_scope"));
    }

    @Test
    void authorizeWhenPublicAppSendsNoCodeChallengeThenInvalidRequest() {
        OidcClient client = OidcClient.publicApp(tenant);

        Response answer = open(client, valid(client));

        answer.then().statusCode(302).header("Location", containsString("error=invalid_request"));
    }

    @Test
    void authorizeWhenCodeChallengeMethodPlainThenInvalidRequest() {
        OidcClient client = OidcClient.publicApp(tenant);
        String challenge = "a".repeat(43);

        Response answer = open(client, valid(client) + "&code_challenge=" + challenge + "&code_challenge_method=plain");

        answer.then().statusCode(302).header("Location", containsString("error=invalid_request"))
                .header("Location", containsString("S256"));
    }

    @Test
    void authorizeWhenPublicAppSendsS256ChallengeThenLoginPage() {
        OidcClient client = OidcClient.publicApp(tenant);

        Response answer = browser.open(client.request("openid", OidcClient.state(), new Nonce(),
                new com.nimbusds.oauth2.sdk.pkce.CodeVerifier()).toURI());

        answer.then().statusCode(200).body(containsString("name=\"password\""));
    }

    @Test
    void authorizeWhenAppAllowsNoUsersThenUnauthorizedClient() {
        OidcClient client = OidcClient.confidential(tenant).set("internalUsersAllowed", false);

        Response answer = open(client, valid(client));

        answer.then().statusCode(302).header("Location", containsString("error=unauthorized_client"));
    }

    @Test
    void authorizeWhenPostedAsFormThenLoginPage() {
        OidcClient client = OidcClient.confidential(tenant);

        Response answer = tenant.request().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body(valid(client)).post("/id/connect/authorize");

        answer.then().statusCode(200).body(containsString("name=\"username\"")).body(not(containsString("error")));
    }

    @Test
    void authorizeWhenPromptNamesLoginTwiceThenLoginPage() {
        OidcClient client = OidcClient.confidential(tenant);

        Response answer = open(client, valid(client) + "&prompt=login+login");

        answer.then().statusCode(200).body(containsString("name=\"password\""));
    }

    @Test
    void authorizeWhenPromptValueUnknownThenInvalidRequestRedirect() {
        OidcClient client = OidcClient.confidential(tenant);

        Response answer = open(client, valid(client) + "&prompt=login+bogus");

        answer.then().statusCode(302).header("Location", containsString("error=invalid_request"))
                .header("Location", containsString("state=s1"));
    }
}
