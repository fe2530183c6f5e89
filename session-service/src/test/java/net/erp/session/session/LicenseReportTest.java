package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuer;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class LicenseReportTest {

    private final TestInstance instance = TestInstance.create(4);

    @Test
    void reportWhenOperatorThenLimitUseAndEverySession() {
        TestIssuer.Token token = instance.serviceToken().subject("erp-batch").clientId("com.vendor/batch");
        given().header("Authorization", TestInstance.bearer(token)).post("/api/sessions").then().statusCode(200);

        given().header("Authorization", TestInstance.bearer(TestInstance.operatorToken()))
                .when().get("/api/instances/" + instance.id + "/licenses")
                .then().statusCode(200)
                .body("licenseLimit", equalTo(4))
                .body("licensesInUse", equalTo(1))
                .body("sessions", hasSize(1))
                .body("sessions[0].sessionId", equalTo(token.sid()))
                .body("sessions[0].subject", equalTo("erp-batch"))
                .body("sessions[0].clientId", equalTo("com.vendor/batch"))
                .body("sessions[0].kind", equalTo("SERVICE"))
                .body("sessions[0].openedAt", notNullValue())
                .body("sessions[0].lastActivityAt", notNullValue())
                .body("sessions[0].expiresAt", notNullValue());
    }

    @Test
    void reportWhenTokenWithoutAdminScopeThenInsufficientScope() {
        given().header("Authorization", TestInstance.bearer(instance.userToken("alice")))
                .when().get("/api/instances/" + instance.id + "/licenses")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
    }

    @Test
    void reportWhenNoTokenThenUnauthorized() {
        given().when().get("/api/instances/" + instance.id + "/licenses")
                .then().statusCode(401);
    }

    @Test
    void reportWhenInstanceUnknownThenNotFound() {
        given().header("Authorization", TestInstance.bearer(TestInstance.operatorToken()))
                .when().get("/api/instances/unknown-" + UUID.randomUUID() + "/licenses")
                .then().statusCode(404).body("error", equalTo("unknown_instance"));
    }
}
