package net.erp.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import net.erp.contract.revocation.RevocationList;
import net.erp.fixtures.TestIssuer;
import org.junit.jupiter.api.Test;

/** The admin API's bearer check (RFC 6750): each test changes one thing of the operator's token. */
@QuarkusTest
class AdminAccessTest {

    @Inject
    RevocationList revocations;

    private static TestIssuer.Token operator() {
        return TestIssuer.shared().token(Api.DEFAULT_INSTANCE).subject("operator").clientId("operator")
                .scope("admin", "read", "update");
    }

    private static ValidatableResponse listInstances(String token) {
        return given().auth().oauth2(token).get("/api/instances").then();
    }

    @Test
    void tokenWhenTypedAtJwtThen200() {
        listInstances(operator().type("at+jwt").sign()).statusCode(200);
    }

    @Test
    void tokenWhenSignedWithEs256Then200() {
        listInstances(operator().signedWithEs256().sign()).statusCode(200);
    }

    @Test
    void tokenWhenTypedPlainJwtThen401InvalidToken() {
        listInstances(operator().type("JWT").sign()).statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token"));
    }

    @Test
    void tokenWhenOperatorOfAnyInstanceAudienceThen200() {
        listInstances(operator().audience("urn:erp:instance:acme").sign()).statusCode(200);
    }

    @Test
    void requestWhenNoTokenThen401WithBearerChallenge() {
        given().get("/api/instances").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void requestWhenBasicCredentialsThen401WithBearerChallenge() {
        given().auth().preemptive().basic("operator", "x").get("/api/instances")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void tokenWhenSignedByUnknownKeyThen401InvalidToken() {
        listInstances(operator().signedByForeignKey().sign())
                .statusCode(401).body("error", equalTo("invalid_token"))
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""));
    }

    @Test
    void tokenWhenExpiredThen401InvalidToken() {
        Instant past = Instant.now().minus(Duration.ofHours(3));

        listInstances(operator().issuedAt(past).expiresAt(past.plusSeconds(60)).sign())
                .statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void tokenWhenNotJwtThen401InvalidToken() {
        listInstances("not-a-jwt").statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void tokenWhenNoInstanceAudienceThen401InvalidToken() {
        listInstances(operator().audience("https://api.example.com").sign())
                .statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void tokenWhenNoAdminScopeThen403InsufficientScope() {
        listInstances(operator().scope("read", "update").sign())
                .statusCode(403).body("error", equalTo("insufficient_scope"));
    }

    @Test
    void tokenWhenNoAdminScopeOnInstancePathThen403() {
        given().auth().oauth2(operator().scope("read").sign()).get("/api/instances/dev/apps")
                .then().statusCode(403);
    }

    @Test
    void tokenWhenRevokedThen401InvalidToken() {
        TestIssuer.Token token = operator();
        revocations.revokeToken(Api.DEFAULT_INSTANCE, token.jti(), Instant.now().plusSeconds(600))
                .await().indefinitely();

        listInstances(token.sign()).statusCode(401).body("error_description", equalTo("the token was revoked"));
    }

    @Test
    void tokenWhenSignInEndedThen401InvalidToken() {
        TestIssuer.Token token = operator();
        revocations.endSignIn(Api.DEFAULT_INSTANCE, token.sid(), Duration.ofMinutes(5)).await().indefinitely();

        listInstances(token.sign()).statusCode(401).body("error", equalTo("invalid_token"));
    }
}
