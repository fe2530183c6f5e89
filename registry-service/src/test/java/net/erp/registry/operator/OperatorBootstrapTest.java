package net.erp.registry.operator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import net.erp.fixtures.RegistryStandIn;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operator application at a later start: its secret is replaced only when the configured one differs. */
@QuarkusTest
class OperatorBootstrapTest {

    @Inject
    OperatorBootstrap bootstrap;

    @ConfigProperty(name = "registry.operator.client-id")
    String clientId;

    @ConfigProperty(name = "registry.operator.client-secret")
    String configured;

    @AfterEach
    void restoreConfiguredSecret() throws Throwable {
        start(configured);
    }

    private String start(String secret) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> bootstrap.ensure("dev", clientId, secret));
    }

    private boolean authenticates(String secret) {
        return given().header("X-Internal-Secret", RegistryStandIn.TEST_INTERNAL_SECRET).contentType("application/json")
                .body(Map.of("secret", secret)).post("/internal/instances/dev/apps/{c}/authenticate", clientId)
                .then().statusCode(200).extract().path("authenticated");
    }

    @Test
    void startWhenSecretUnchangedThenNothingChanges() throws Throwable {
        assertNull(start(configured));
    }

    @Test
    void startWhenSecretChangedThenReplaced() throws Throwable {
        String changed = "changed-" + UUID.randomUUID();

        assertEquals("operator.secret_replaced", start(changed));

        given().header("X-Internal-Secret", RegistryStandIn.TEST_INTERNAL_SECRET).contentType("application/json")
                .body(Map.of("secret", changed)).post("/internal/instances/dev/apps/{c}/authenticate", clientId)
                .then().body("authenticated", equalTo(true));
        assertEquals(false, authenticates(configured));
    }
}
