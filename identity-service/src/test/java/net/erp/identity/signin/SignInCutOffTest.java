package net.erp.identity.signin;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.erp.fixtures.LogLines;
import net.erp.identity.TestTenant;
import net.erp.identity.signin.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A password change or a user's deletion ends the user's browser sign-ins, and only theirs. */
@QuarkusTest
class SignInCutOffTest {

    private final TestTenant tenant = TestTenant.create();
    private final Browser browser = new Browser(tenant);
    private final Browser otherBrowser = new Browser(tenant);
    private TestUser user;
    private TestUser other;
    private OidcClient client;
    private String accessToken;

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void signIn() throws Exception {
        user = TestUsers.create(tenant, "INTERNAL");
        other = TestUsers.create(tenant, "INTERNAL");
        client = OidcClient.confidential(tenant);
        accessToken = client.tokens(browser, user, "openid").getOIDCTokens().getAccessToken().getValue();
        client.tokens(otherBrowser, other, "openid");
    }

    private Response authorize(Browser which) {
        return which.open(client.request("openid", OidcClient.state(), new Nonce(), null).toURI());
    }

    private String sid() throws Exception {
        return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("sid");
    }

    @Test
    void passwordChangeWhenSignedInThenCookieNoLongerSkipsLoginForm() {
        TestUsers.changePassword(tenant, user);

        authorize(browser).then().statusCode(200).body(containsString("name=\"password\""));
    }

    @Test
    void passwordChangeWhenSignedInThenSignInListedAsEnded() throws Exception {
        TestUsers.changePassword(tenant, user);

        assertEquals("1", redis.value(String.class).get("rev:{" + tenant.id() + "}:sid:" + sid()));
    }

    @Test
    void passwordChangeWhenSignedInThenAccessTokenRefusedAtUserinfo() {
        TestUsers.changePassword(tenant, user);

        tenant.request().auth().oauth2(accessToken).get("/id/connect/userinfo").then().statusCode(401);
    }

    @Test
    void passwordChangeWhenAnotherUserSignedInThenTheirSignInUntouched() {
        TestUsers.changePassword(tenant, user);

        authorize(otherBrowser).then().statusCode(302);
    }

    @Test
    void passwordChangeWhenDoneThenUsersListingGone() {
        TestUsers.changePassword(tenant, user);

        assertFalse(redis.key().exists("signins:{" + tenant.id() + "}:user:" + user.id()));
        assertTrue(redis.key().exists("signins:{" + tenant.id() + "}:user:" + other.id()));
    }

    @Test
    void passwordChangeWhenSignedInThenAuditSignInEnded() throws Exception {
        String sid = sid();
        try (LogLines audit = LogLines.audit()) {
            TestUsers.changePassword(tenant, user);

            assertTrue(audit.lines().stream().anyMatch(line -> line.contains("event=signin.ended")
                    && line.contains("instance=" + tenant.id()) && line.contains("sid=" + sid)));
        }
    }

    @Test
    void deletionWhenSignedInThenCookieNoLongerSkipsLoginForm() {
        TestUsers.delete(tenant, user);

        authorize(browser).then().statusCode(200).body(containsString("name=\"password\""));
    }

    @Test
    void deletionWhenSignedInThenSignInListedAsEnded() throws Exception {
        TestUsers.delete(tenant, user);

        assertEquals("1", redis.value(String.class).get("rev:{" + tenant.id() + "}:sid:" + sid()));
    }

    @Test
    void deletionWhenAnotherUserSignedInThenTheirSignInUntouched() {
        TestUsers.delete(tenant, user);

        authorize(otherBrowser).then().statusCode(302);
    }
}
