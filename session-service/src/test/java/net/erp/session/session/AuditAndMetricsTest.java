package net.erp.session.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.erp.fixtures.LogLines;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuer;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class AuditAndMetricsTest {

    private final TestInstance instance = TestInstance.create(1);
    private LogLines audit;

    @BeforeEach
    void listen() {
        audit = LogLines.audit();
    }

    @AfterEach
    void stopListening() {
        audit.close();
    }

    @Test
    void openWhenRefusedThenAuditLineNamesInstanceSubjectAndClientButNotTheToken() {
        given().header("Authorization", TestInstance.bearer(instance.serviceToken())).post("/api/sessions");
        TestIssuer.Token refused = instance.serviceToken().subject("erp-late").clientId("com.vendor/late");
        String jwt = refused.sign();

        given().header("Authorization", "Bearer " + jwt).post("/api/sessions").then().statusCode(403);

        String expected = "event=session.refused instance=" + instance.id
                + " subject=erp-late client_id=com.vendor/late";
        assertTrue(audit.lines().stream().anyMatch(line -> line.startsWith(expected)),
                () -> "audit lines: " + audit.lines());
        assertFalse(audit.lines().stream().anyMatch(line -> line.contains(jwt)));
    }

    @Test
    void metricsWhenSessionsOpenedAndRefusedThenGaugesAndCountersPublished() {
        given().header("Authorization", TestInstance.bearer(instance.serviceToken())).post("/api/sessions");
        given().header("Authorization", TestInstance.bearer(instance.serviceToken())).post("/api/sessions");

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("licenses_in_use{instance=\"" + instance.id + "\"} 1.0"))
                .body(containsString("licenses_limit{instance=\"" + instance.id + "\"} 1.0"))
                .body(containsString("sessions_refused_total{instance=\"" + instance.id + "\"} 1.0"))
                .body(containsString("sessions_opened_total{instance=\"" + instance.id + "\"} 1.0"));
    }

    @Test
    void metricsWhenSessionTouchedThenCounted() {
        String bearer = TestInstance.bearer(instance.userToken("alice"));
        given().header("Authorization", bearer).post("/api/sessions").then().statusCode(200);
        String touched = "sessions_touched_total{instance=\"" + instance.id + "\"}";
        assertEquals(0, counter(touched));

        given().header("Authorization", bearer).post("/api/sessions").then().statusCode(200);

        assertEquals(1, counter(touched));
    }

    @Test
    void metricsWhenSessionClosedThenCountedByReason() {
        TestIssuer.Token token = instance.userToken("alice");
        given().header("Authorization", TestInstance.bearer(token)).post("/api/sessions").then().statusCode(200);

        given().header("Authorization", TestInstance.bearer(token)).delete("/api/sessions/" + token.sid());

        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString(
                        "sessions_closed_total{instance=\"" + instance.id + "\",reason=\"deleted\"} 1.0"));
    }

    /** The value of a series (a name and its labels) on /q/metrics; 0 while it has not been registered. */
    private static double counter(String name) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
                .findFirst().orElse(0);
    }
}
