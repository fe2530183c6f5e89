package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.erp.fixtures.RegistryStandIn;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuer;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class OpenSessionTest {

    @Test
    void openWhenFirstCallThenSessionOpenedOnOneLicence() {
        TestInstance instance = TestInstance.create(3);
        TestIssuer.Token token = instance.serviceToken().subject("erp-batch").clientId("com.vendor/batch");

        given().header("Authorization", TestInstance.bearer(token))
                .when().post("/api/sessions")
                .then().statusCode(200)
                .body("sessionId", equalTo(token.sid()))
                .body("instanceId", equalTo(instance.id))
                .body("subject", equalTo("erp-batch"))
                .body("clientId", equalTo("com.vendor/batch"))
                .body("expiresAt", matchesPattern(LicenseReportTest.UTC_TIME))
                .body("licensesInUse", equalTo(1))
                .body("licenseLimit", equalTo(3));
    }

    @Test
    void openWhenTokenSignedWithEs256ThenSessionOpened() {
        TestInstance instance = TestInstance.create(3);
        TestIssuer.Token token = instance.serviceToken().signedWithEs256();

        given().header("Authorization", TestInstance.bearer(token))
                .when().post("/api/sessions")
                .then().statusCode(200).body("sessionId", equalTo(token.sid())).body("licensesInUse", equalTo(1));
    }

    @Test
    void openWhenSameTokenAgainThenSameSessionAndNoNewLicence() {
        TestInstance instance = TestInstance.create(3);
        String bearer = TestInstance.bearer(instance.userToken("alice"));
        given().header("Authorization", bearer).post("/api/sessions").then().statusCode(200);

        given().header("Authorization", bearer)
                .when().post("/api/sessions")
                .then().statusCode(200).body("licensesInUse", equalTo(1));
    }

    @Test
    void openWhenRefreshedTokenOfSameSignInThenSharesTheSession() {
        TestInstance instance = TestInstance.create(3);
        TestIssuer.Token first = instance.userToken("alice");
        given().header("Authorization", TestInstance.bearer(first)).post("/api/sessions").then().statusCode(200);
        TestIssuer.Token refreshed = instance.userToken("alice").sid(first.sid());

        given().header("Authorization", TestInstance.bearer(refreshed))
                .when().post("/api/sessions")
                .then().statusCode(200)
                .body("sessionId", equalTo(first.sid()))
                .body("licensesInUse", equalTo(1));
    }

    @Test
    void openWhenEveryLicenceTakenThenMaximumLicenseCountExceeded() {
        TestInstance instance = TestInstance.create(1);
        given().header("Authorization", TestInstance.bearer(instance.serviceToken())).post("/api/sessions")
                .then().statusCode(200);

        given().header("Authorization", TestInstance.bearer(instance.serviceToken()))
                .when().post("/api/sessions")
                .then().statusCode(403)
                .body("error", equalTo("MaximumLicenseCountExceeded"))
                .body("error_description", notNullValue())
                .body("licenseLimit", equalTo(1));
    }

    @Test
    void openWhenLimitIsZeroThenRefused() {
        TestInstance instance = TestInstance.create(0);

        given().header("Authorization", TestInstance.bearer(instance.serviceToken()))
                .when().post("/api/sessions")
                .then().statusCode(403).body("error", equalTo("MaximumLicenseCountExceeded"));
    }

    @Test
    void openWhenRegistryUnreachableThenTemporarilyUnavailable() {
        TestInstance instance = TestInstance.create(3);
        RegistryStandIn.shared().available(false);
        try {
            given().header("Authorization", TestInstance.bearer(instance.serviceToken()))
                    .when().post("/api/sessions")
                    .then().statusCode(503).body("error", equalTo("temporarily_unavailable"));
        } finally {
            RegistryStandIn.shared().available(true);
        }
    }

    @Test
    void openWhenNoTokenThenBearerChallenge() {
        given().when().post("/api/sessions")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void openWhenBasicCredentialsThenBearerChallenge() {
        given().header("Authorization", "Basic YTpi")
                .when().post("/api/sessions")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void openWhenTokenIsNotAJwtThenInvalidToken() {
        given().header("Authorization", "Bearer not.a.jwt")
                .when().post("/api/sessions")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("error", equalTo("invalid_token"));
    }
}
