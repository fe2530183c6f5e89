package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuer;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.Test;

/** Each test changes one thing of a valid token and expects RFC 6750 invalid_token for it. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class TokenRefusalTest {

    private final TestInstance instance = TestInstance.create(5);

    @Test
    void openWhenTokenExpiredThenInvalidToken() {
        TestIssuer.Token token = instance.serviceToken()
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600));

        refused(token);
    }

    @Test
    void openWhenSignedByUnpublishedKeyThenInvalidToken() {
        refused(instance.serviceToken().signedByForeignKey());
    }

    @Test
    void openWhenTypeIsNotAccessTokenThenInvalidToken() {
        refused(instance.serviceToken().type("JWT"));
    }

    @Test
    void openWhenAudienceNamesNoInstanceThenInvalidToken() {
        refused(instance.serviceToken().audience("https://api.example.com"));
    }

    @Test
    void openWhenInstanceUnknownToRegistryThenInvalidToken() {
        refused(TestIssuer.shared().token("unknown-" + UUID.randomUUID()));
    }

    @Test
    void openWhenTokenRevokedThenInvalidToken() {
        TestIssuer.Token token = instance.serviceToken();
        instance.revokeToken(token.jti());

        refused(token);
    }

    @Test
    void openWhenSignInEndedThenInvalidToken() {
        TestIssuer.Token token = instance.userToken("alice");
        instance.endSignIn(token.sid());

        refused(token);
    }

    @Test
    void openWhenUserCutOffAfterIssueThenInvalidToken() {
        TestIssuer.Token token = instance.userToken("alice").issuedAt(Instant.now().minusSeconds(10));
        instance.cutOffSubject("user-alice");

        refused(token);
    }

    @Test
    void openWhenAppDisabledAfterIssueThenInvalidToken() {
        TestIssuer.Token token = instance.serviceToken().clientId("com.vendor/disabled")
                .issuedAt(Instant.now().minusSeconds(10));
        instance.cutOffClient("com.vendor/disabled");

        refused(token);
    }

    @Test
    void openWhenRevokedAfterSessionOpenedThenInvalidToken() {
        TestIssuer.Token token = instance.serviceToken();
        String bearer = TestInstance.bearer(token);
        given().header("Authorization", bearer).post("/api/sessions").then().statusCode(200);
        instance.revokeToken(token.jti());

        given().header("Authorization", bearer)
                .when().post("/api/sessions")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void openWhenUserCutOffBeforeIssueThenAccepted() {
        instance.cutOffSubject("user-bob");
        TestIssuer.Token token = instance.userToken("bob").issuedAt(Instant.now().plusSeconds(2));

        given().header("Authorization", TestInstance.bearer(token))
                .when().post("/api/sessions")
                .then().statusCode(200);
    }

    private static void refused(TestIssuer.Token token) {
        given().header("Authorization", TestInstance.bearer(token))
                .when().post("/api/sessions")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("error", equalTo("invalid_token"));
    }
}
