package net.erp.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsTest {

    private final TestTenant tenant = TestTenant.create();

    @Test
    void whenTokenIssuedThenCountedByGrantTypeAndInstance() {
        tenant.token(tenant.app());

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tokens_issued_total{grant_type=\"client_credentials\",instance=\""
                        + tenant.id() + "\"}"));
    }

    @Test
    void whenTokenRefusedThenCountedByError() {
        tenant.request().formParam("grant_type", "password").post("/id/connect/token");

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("token_errors_total{error=\"unsupported_grant_type\"}"));
    }

    @Test
    void whenTokenEndpointCalledThenLatencyHistogramPublished() {
        tenant.token(tenant.app());

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("token_requests_seconds_bucket{outcome=\"issued\""));
    }

    @Test
    void whenReadinessAskedThenUpWithSigningKey() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("signing-keys"));
    }
}
