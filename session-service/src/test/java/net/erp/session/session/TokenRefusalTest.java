package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import net.erp.contract.revocation.RevocationList;
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

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    RevocationList revocations;

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
        revocations.revokeToken(instance.id, token.jti(), Instant.now().plusSeconds(60)).await().atMost(WAIT);

        refused(token);
    }

    @Test
    void openWhenSignInEndedThenInvalidToken() {
        TestIssuer.Token token = instance.userToken("alice");
        revocations.endSignIn(instance.id, token.sid(), Duration.ofMinutes(1)).await().atMost(WAIT);

        refused(token);
    }

    @Test
    void openWhenUserCutOffAfterIssueThenInvalidToken() {
        TestIssuer.Token token = instance.userToken("alice").issuedAt(Instant.now().minusSeconds(10));
        revocations.cutOffSubject(instance.id, "user-alice", Duration.ofMinutes(1)).await().atMost(WAIT);

        refused(token);
    }

    @Test
    void openWhenAppDisabledAfterIssueThenInvalidToken() {
        TestIssuer.Token token = instance.serviceToken().clientId("com.vendor/disabled")
                .issuedAt(Instant.now().minusSeconds(10));
        revocations.cutOffClient(instance.id, "com.vendor/disabled", Duration.ofMinutes(1)).await().atMost(WAIT);

        refused(token);
    }

    @Test
    void openWhenRevokedAfterSessionOpenedThenInvalidToken() {
        TestIssuer.Token token = instance.serviceToken();
        String bearer = TestInstance.bearer(token);
        given().header("Authorization", bearer).post("/api/sessions").then().statusCode(200);
        revocations.revokeToken(instance.id, token.jti(), Instant.now().plusSeconds(60)).await().atMost(WAIT);

        given().header("Authorization", bearer)
                .when().post("/api/sessions")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void openWhenUserCutOffBeforeIssueThenAccepted() {
        revocations.cutOffSubject(instance.id, "user-bob", Duration.ofMinutes(1)).await().atMost(WAIT);
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
