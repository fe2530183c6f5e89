package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuer;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reference tokens (PAT/SAT) verified by the test issuer's introspection, in every header they may use. */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class ReferenceTokenTest {

    private final TestInstance instance = TestInstance.create(3);

    @AfterEach
    void restoreIntrospection() {
        TestIssuer.shared().introspection(TestIssuer.Introspection.ANSWERS);
    }

    @Test
    void openWhenPersonalTokenThenUserSessionOfItsOwnOpened() {
        TestIssuer.ReferenceToken pat = instance.personalToken("alice");

        bearer(pat).when().post("/api/sessions")
                .then().statusCode(200)
                .body("sessionId", equalTo(pat.id()))
                .body("instanceId", equalTo(instance.id))
                .body("subject", equalTo("user-alice"))
                .body("clientId", equalTo("com.test/app"))
                .body("licensesInUse", equalTo(1));
    }

    @Test
    void reportWhenPersonalTokenOpenedThenSessionKindUser() {
        bearer(instance.personalToken("alice")).post("/api/sessions").then().statusCode(200);

        report().then().statusCode(200).body("sessions[0].kind", equalTo("USER"));
    }

    @Test
    void reportWhenServiceTokenOpenedThenSessionKindService() {
        bearer(instance.systemToken("erp-sync")).post("/api/sessions").then().statusCode(200);

        report().then().statusCode(200)
                .body("sessions[0].kind", equalTo("SERVICE"))
                .body("sessions[0].subject", equalTo("erp-sync"));
    }

    @Test
    void openWhenSameReferenceTokenAgainThenSameSessionReused() {
        TestIssuer.ReferenceToken pat = instance.personalToken("alice");
        bearer(pat).post("/api/sessions").then().statusCode(200);

        bearer(pat).when().post("/api/sessions")
                .then().statusCode(200).body("sessionId", equalTo(pat.id())).body("licensesInUse", equalTo(1));
    }

    @Test
    void openWhenTwoReferenceTokensOfOneUserThenTwoSessions() {
        bearer(instance.personalToken("alice")).post("/api/sessions").then().statusCode(200);

        bearer(instance.personalToken("alice")).when().post("/api/sessions")
                .then().statusCode(200).body("licensesInUse", equalTo(2));
    }

    @Test
    void openWhenTokenInXApiKeyHeaderThenSessionOpened() {
        TestIssuer.ReferenceToken sat = instance.systemToken("erp-sync");

        given().header("X-Api-Key", sat.value())
                .when().post("/api/sessions")
                .then().statusCode(200).body("sessionId", equalTo(sat.id()));
    }

    @Test
    void openWhenTokenInApiKeyHeaderThenSessionOpened() {
        TestIssuer.ReferenceToken sat = instance.systemToken("erp-sync");

        given().header("Api-Key", sat.value())
                .when().post("/api/sessions")
                .then().statusCode(200).body("sessionId", equalTo(sat.id()));
    }

    @Test
    void openWhenBearerAndApiKeyCarryDifferentTokensThenInvalidRequest() {
        TestIssuer.ReferenceToken other = instance.systemToken("erp-sync");

        bearer(instance.personalToken("alice")).header("X-Api-Key", other.value())
                .when().post("/api/sessions")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void openWhenBothApiKeyHeadersCarryDifferentTokensThenInvalidRequest() {
        TestIssuer.ReferenceToken other = instance.systemToken("erp-sync");

        given().header("X-Api-Key", instance.personalToken("alice").value()).header("Api-Key", other.value())
                .when().post("/api/sessions")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void openWhenJwtInApiKeyHeaderThenInvalidToken() {
        given().header("X-Api-Key", instance.serviceToken().sign())
                .when().post("/api/sessions")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void openWhenTokenUnknownToIdentityThenInvalidToken() {
        TestIssuer.ReferenceToken unregistered = TestIssuer.shared().referenceToken(instance.id);

        bearer(unregistered).when().post("/api/sessions")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void openWhenTokenHasNoReferenceTokenPrefixThenRefusedWithoutIntrospection() {
        int before = TestIssuer.shared().introspections();

        given().header("Authorization", "Bearer ghp_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG")
                .when().post("/api/sessions")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
        assertEquals(before, TestIssuer.shared().introspections());
    }

    @Test
    void openWhenTokenOnRevocationListThenRefusedAtOnce() {
        TestIssuer.ReferenceToken pat = instance.personalToken("alice");
        bearer(pat).post("/api/sessions").then().statusCode(200);
        instance.revokeToken(pat.id());

        bearer(pat).when().post("/api/sessions")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void openWhenCalledRepeatedlyWithinCacheTtlThenIntrospectedOnce() {
        TestIssuer.ReferenceToken pat = instance.personalToken("alice");

        for (int call = 0; call < 3; call++) {
            bearer(pat).post("/api/sessions").then().statusCode(200);
        }

        assertEquals(1, pat.introspections());
    }

    @Test
    void openWhenIdentityUnreachableThenUnavailable() {
        TestIssuer.ReferenceToken pat = instance.personalToken("alice");
        TestIssuer.shared().introspection(TestIssuer.Introspection.UNREACHABLE);

        bearer(pat).when().post("/api/sessions")
                .then().statusCode(503).body("error", equalTo("temporarily_unavailable"));
    }

    @Test
    void openWhenIdentityUnreachableThenNoSessionCounted() {
        TestIssuer.ReferenceToken pat = instance.personalToken("alice");
        TestIssuer.shared().introspection(TestIssuer.Introspection.UNREACHABLE);
        bearer(pat).post("/api/sessions").then().statusCode(503);

        report().then().statusCode(200).body("licensesInUse", equalTo(0));
    }

    @Test
    void openWhenIdentityAnswers503ThenUnavailable() {
        TestIssuer.ReferenceToken pat = instance.personalToken("alice");
        TestIssuer.shared().introspection(TestIssuer.Introspection.FAILS);

        bearer(pat).when().post("/api/sessions")
                .then().statusCode(503).body("error", equalTo("temporarily_unavailable"));
    }

    @Test
    void openWhenIdentityRecoveredThenFailureWasNotCached() {
        TestIssuer.ReferenceToken pat = instance.personalToken("alice");
        TestIssuer.shared().introspection(TestIssuer.Introspection.FAILS);
        bearer(pat).post("/api/sessions").then().statusCode(503);
        TestIssuer.shared().introspection(TestIssuer.Introspection.ANSWERS);

        bearer(pat).when().post("/api/sessions").then().statusCode(200);
    }

    @Test
    void readinessWhenIntrospectionFailsThenStillUp() {
        TestIssuer.shared().introspection(TestIssuer.Introspection.FAILS);

        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openWhenSharedLicenceTakenThenServiceTokenOfReservedSystemUserStillOpens() {
        TestInstance reserving = sharedLicenceTaken("erp-sync");

        bearer(reserving.systemToken("erp-sync")).when().post("/api/sessions")
                .then().statusCode(200).body("licensesInUse", equalTo(2));
    }

    @Test
    void openWhenSharedLicenceTakenThenServiceTokenOfOtherSystemUserRefused() {
        TestInstance reserving = sharedLicenceTaken("erp-sync");

        bearer(reserving.systemToken("erp-other")).when().post("/api/sessions")
                .then().statusCode(403).body("error", equalTo("MaximumLicenseCountExceeded"));
    }

    @Test
    void openWhenSharedLicenceTakenThenPersonalTokenOfReservedUserStillOpens() {
        TestInstance reserving = sharedLicenceTaken("carol");

        bearer(reserving.personalToken("carol")).when().post("/api/sessions")
                .then().statusCode(200).body("licensesInUse", equalTo(2));
    }

    @Test
    void closeWhenOwnReferenceTokenInApiKeyHeaderThenSessionClosed() {
        TestIssuer.ReferenceToken sat = instance.systemToken("erp-sync");
        given().header("X-Api-Key", sat.value()).post("/api/sessions").then().statusCode(200);

        given().header("X-Api-Key", sat.value())
                .when().delete("/api/sessions/" + sat.id())
                .then().statusCode(204);
    }

    @Test
    void reportWhenOperatorReferenceTokenInApiKeyHeaderThenListed() {
        TestIssuer.ReferenceToken operator = TestIssuer.shared().referenceToken("operator-" + UUID.randomUUID())
                .scope("admin").register();

        given().header("Api-Key", operator.value())
                .when().get("/api/instances/" + instance.id + "/licenses")
                .then().statusCode(200).body("licenseLimit", equalTo(3));
    }

    @Test
    void metricsWhenIntrospectedAndCachedThenBothCounted() {
        TestIssuer.ReferenceToken pat = instance.personalToken("alice");
        bearer(pat).post("/api/sessions").then().statusCode(200);
        bearer(pat).post("/api/sessions").then().statusCode(200);

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("reference_token_introspections_total{result=\"active\"}"))
                .body(containsString("reference_token_cache_hits_total"));
    }

    /** An instance of two licences, one reserved for the account, the shared one taken by alice's JWT. */
    private static TestInstance sharedLicenceTaken(String reservedAccount) {
        TestInstance reserving = TestInstance.create(2, reservedAccount);
        given().header("Authorization", TestInstance.bearer(reserving.userToken("alice"))).post("/api/sessions")
                .then().statusCode(200);
        return reserving;
    }

    private static RequestSpecification bearer(TestIssuer.ReferenceToken token) {
        return given().header("Authorization", "Bearer " + token.value());
    }

    private Response report() {
        return given().header("Authorization", TestInstance.bearer(TestInstance.operatorToken()))
                .when().get("/api/instances/" + instance.id + "/licenses");
    }
}
