package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** ISO-8601 in UTC, as every time of the platform's REST APIs. */
    static final String UTC_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

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
    void reportWhenOperatorThenExactlyTheFieldsOfTheSpecWithUtcTimes() {
        given().header("Authorization", TestInstance.bearer(instance.userToken("alice"))).post("/api/sessions")
                .then().statusCode(200);

        Map<String, Object> report = given().header("Authorization", TestInstance.bearer(TestInstance.operatorToken()))
                .when().get("/api/instances/" + instance.id + "/licenses")
                .then().statusCode(200)
                .body("sessions[0].openedAt", matchesPattern(UTC_TIME))
                .body("sessions[0].lastActivityAt", matchesPattern(UTC_TIME))
                .body("sessions[0].expiresAt", matchesPattern(UTC_TIME))
                .extract().jsonPath().getMap("$");

        assertEquals(Set.of("licenseLimit", "licensesInUse", "sessions"), report.keySet());
        Map<?, ?> session = (Map<?, ?>) ((List<?>) report.get("sessions")).get(0);
        assertEquals(Set.of("sessionId", "subject", "clientId", "kind", "openedAt", "lastActivityAt", "expiresAt"),
                session.keySet());
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
