package net.erp.identity.authorize;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.erp.contract.registry.RegistryChange;
import net.erp.identity.TestTenant;
import net.erp.identity.signin.Browser;
import net.erp.identity.signin.OidcClient;
import net.erp.identity.signin.TestUsers;
import net.erp.identity.signin.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redeeming codes: PKCE, redirect URI, client, one use, expiry. */
@QuarkusTest
class AuthorizationCodeGrantTest {

    private final TestTenant tenant = TestTenant.create();
    private final Browser browser = new Browser(tenant);
    private TestUser user;

    @Inject
    Event<RegistryChange> registryChanges;

    @BeforeEach
    void createUser() {
        user = TestUsers.create(tenant, "INTERNAL");
    }

    @Test
    void codeGrantWhenVerifierWrongThenInvalidGrant() throws Exception {
        OidcClient client = OidcClient.publicApp(tenant);
        AuthorizationCode code = client.signIn(browser, user, "openid", new Nonce(), new CodeVerifier());

        client.redeem(code, new CodeVerifier())
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void codeGrantWhenVerifierMissingThenInvalidGrant() throws Exception {
        OidcClient client = OidcClient.publicApp(tenant);
        AuthorizationCode code = client.signIn(browser, user, "openid", new Nonce(), new CodeVerifier());

        client.redeem(code, null)
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void codeGrantWhenConfidentialAppUsesPkceThenVerifierChecked() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = client.signIn(browser, user, "openid", new Nonce(), verifier);

        client.redeem(code, verifier).then().statusCode(200);
    }

    @Test
    void codeGrantWhenAppLostScopesSinceTheCodeThenTokensWithoutThem() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        AuthorizationCode code = client.signIn(browser, user, "openid read offline_access", new Nonce(), null);
        client.set("scopes", List.of("openid", "profile"));
        registryChanges.fire(RegistryChange.app(tenant.id(), client.clientId()));

        Response answer = client.redeem(code, null);

        answer.then().statusCode(200).body("scope", equalTo("openid")).body("refresh_token", nullValue());
        String access = answer.jsonPath().getString("access_token");
        assertEquals("openid", SignedJWT.parse(access).getJWTClaimsSet().getStringClaim("scope"));
    }

    @Test
    void codeGrantWhenCodeUsedTwiceThenInvalidGrantAndFirstTokenRevoked() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        AuthorizationCode code = client.signIn(browser, user, "openid", new Nonce(), null);
        String first = OidcClient.tokens(client.redeem(code, null)).getOIDCTokens().getAccessToken().getValue();

        client.redeem(code, null).then().statusCode(400).body("error", equalTo("invalid_grant"));

        tenant.request().auth().oauth2(first).get("/id/connect/userinfo")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void codeGrantWhenCodeRedeemedTwiceInParallelThenOneRefusedAndEveryTokenIssuedRevoked() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Response> answers = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            AuthorizationCode code = client.signIn(browser, user, "openid offline_access", new Nonce(), null);
            CountDownLatch start = new CountDownLatch(1);
            Callable<Response> redeem = () -> {
                start.await();
                return client.redeem(code, null);
            };
            List<Future<Response>> pair = List.of(threads.submit(redeem), threads.submit(redeem));
            start.countDown();
            answers.add(pair.get(0).get(60, TimeUnit.SECONDS));
            answers.add(pair.get(1).get(60, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertTrue(answers.stream().filter(answer -> answer.statusCode() == 200).count() <= 5);
        assertTrue(answers.stream().allMatch(answer -> answer.statusCode() == 200 || answer.statusCode() == 400
                && "invalid_grant".equals(answer.jsonPath().getString("error"))));
        for (Response answer : answers.stream().filter(answer -> answer.statusCode() == 200).toList()) {
            var tokens = OidcClient.tokens(answer).getOIDCTokens();
            tenant.request().auth().oauth2(tokens.getAccessToken().getValue()).get("/id/connect/userinfo")
                    .then().statusCode(401).body("error", equalTo("invalid_token"));
            client.refresh(tokens.getRefreshToken().getValue(), null)
                    .then().statusCode(400).body("error", equalTo("invalid_grant"));
        }
    }

    @Test
    void codeGrantWhenCodeExpiredThenInvalidGrant() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        AuthorizationCode code = client.signIn(browser, user, "openid", new Nonce(), null);

        Thread.sleep(6_000);

        client.redeem(code, null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void codeGrantWhenRedirectUriDiffersThenInvalidGrant() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        AuthorizationCode code = client.signIn(browser, user, "openid", new Nonce(), null);

        client.token(new AuthorizationCodeGrant(code, URI.create(OidcClient.REDIRECT + "/other")))
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void codeGrantWhenRedeemedByAnotherAppThenInvalidGrant() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        OidcClient other = OidcClient.confidential(tenant);
        AuthorizationCode code = client.signIn(browser, user, "openid", new Nonce(), null);

        other.redeem(code, null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void codeGrantWhenSecretWrongThenInvalidClient() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        AuthorizationCode code = client.signIn(browser, user, "openid", new Nonce(), null);

        tenant.request().auth().preemptive().basic(client.clientId(), "wrong")
                .formParam("grant_type", "authorization_code").formParam("code", code.getValue())
                .formParam("redirect_uri", OidcClient.REDIRECT).post("/id/connect/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void codeGrantWhenUserDeletedThenInvalidGrant() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        AuthorizationCode code = client.signIn(browser, user, "openid", new Nonce(), null);
        TestUsers.delete(tenant, user);

        client.redeem(code, null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void codeGrantWhenSignedOutBeforeRedemptionThenInvalidGrant() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        AuthorizationCode code = client.signIn(browser, user, "openid offline_access", new Nonce(), null);
        browser.submit(browser.open(URI.create("/id/connect/endsession")), Map.of()).then().statusCode(200);

        client.redeem(code, null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void codeGrantWhenPasswordChangedBeforeRedemptionThenInvalidGrant() throws Exception {
        OidcClient client = OidcClient.confidential(tenant);
        AuthorizationCode code = client.signIn(browser, user, "openid offline_access", new Nonce(), null);
        TestUsers.changePassword(tenant, user);

        client.redeem(code, null).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }
}
