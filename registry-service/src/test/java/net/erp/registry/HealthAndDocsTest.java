package net.erp.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import net.erp.fixtures.TestIssuer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndDocsTest {

    @Test
    void readyWhenStoresAndJwksAnswerThenUp() {
        given().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP")).body("checks.name", hasItem("identity JWKS"));
    }

    @Test
    void readyWhenJwksDownThenDown() throws InterruptedException {
        TestIssuer.shared().jwksAvailable(false);
        try {
            Thread.sleep(200);

            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            TestIssuer.shared().jwksAvailable(true);
        }
    }

    @Test
    void liveWhenStartedThenUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsWhenScrapedThenPrometheusText() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE"));
    }

    @Test
    void openApiWhenFetchedThenEndpointsWithSummariesAndErrors() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/instances'.post.summary", equalTo("Create an instance"))
                .body("paths.'/api/instances/{instanceId}/apps/{clientId}'.put.responses.'400'.description",
                        containsString("names it"))
                .body("paths.'/api/instances/{instanceId}/apps/{clientId}/secrets'.post.responses.'201'",
                        notNullValue())
                .body("paths.'/api/instances/{instanceId}/scopes'.get.responses.'401'", notNullValue())
                .body("paths.'/internal/instances/{instanceId}/apps/{clientId}/authenticate'.post.summary",
                        equalTo("Check a client's credentials"))
                .body("components.schemas.TrustedApplication.properties.clientId.description",
                        containsString("client_id"));
    }
}
