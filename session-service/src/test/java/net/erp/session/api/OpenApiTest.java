package net.erp.session.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.erp.fixtures.RegistryStandInResource;
import net.erp.fixtures.StoresTestResource;
import net.erp.fixtures.TestIssuerResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RegistryStandInResource.class)
class OpenApiTest {

    @Test
    void openApiWhenReadThenSessionsTakeABearerTokenOrEitherApiKeyHeader() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.xApiKey.name", equalTo("X-Api-Key"))
                .body("components.securitySchemes.apiKey.name", equalTo("Api-Key"))
                .body("components.securitySchemes.bearerToken.scheme", equalTo("bearer"))
                .body("paths.'/api/sessions'.post.security.collect { it.keySet()[0] }",
                        containsInAnyOrder("bearerToken", "xApiKey", "apiKey"));
    }

    @Test
    void openApiWhenReadThenTheInternalCloseTakesTheInternalSecret() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.internalSecret.name", equalTo("X-Internal-Secret"))
                .body("paths.'/internal/instances/{instanceId}/sessions/close'.post.security[0].keySet()[0]",
                        equalTo("internalSecret"));
    }
}
