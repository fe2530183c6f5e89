package net.erp.identity.registry;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.erp.contract.registry.RegistryChange;
import net.erp.fixtures.RegistryStandIn;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry lookups of the hot path: cached, dropped on a registry change, 503 when the registry is down. */
@QuarkusTest
class RegistryLookupTest {

    private final TestTenant tenant = TestTenant.create();

    @Inject
    ReactiveRedisDataSource redis;

    @AfterEach
    void registryBack() {
        RegistryStandIn.shared().available(true);
        RegistryStandIn.shared().delay(java.time.Duration.ZERO);
    }

    @Test
    void whenManyRequestsMissTheCacheTogetherThenRegistryAskedOncePerLookup() throws Exception {
        TestApp app = tenant.app();
        RegistryStandIn.shared().delay(java.time.Duration.ofMillis(300));
        int calls = RegistryStandIn.shared().calls();

        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            var requests = java.util.Collections.nCopies(20,
                    (java.util.concurrent.Callable<Integer>) () -> tenant.tokenResponse(app).statusCode());
            for (var answer : pool.invokeAll(requests)) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // One call to resolve the host and one to authenticate the client, however many requests wait.
        assertEquals(2, RegistryStandIn.shared().calls() - calls);
    }

    @Test
    void whenSameClientAuthenticatesTwiceThenRegistryAskedOnce() {
        TestApp app = tenant.app();
        tenant.token(app);
        int calls = RegistryStandIn.shared().calls();

        tenant.token(app);

        assertEquals(calls, RegistryStandIn.shared().calls());
    }

    @Test
    void whenAppDisabledAndChangePublishedThenRefusedAtOnce() throws InterruptedException {
        TestApp app = tenant.app();
        tenant.token(app);
        app.set("enabled", false);

        publish(RegistryChange.app(tenant.id(), app.clientId()));

        tenant.tokenResponse(app).then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void whenHostAddedAndInstanceChangePublishedThenAnsweredAtOnce() throws InterruptedException {
        String newHost = "new-" + tenant.host();
        RegistryStandIn.shared().putInstance(tenant.id(), java.util.List.of(tenant.host()), 10, java.util.List.of());
        io.restassured.RestAssured.given().header("Host", newHost).get("/id/.well-known/openid-configuration")
                .then().statusCode(404);
        RegistryStandIn.shared().putInstance(tenant.id(), java.util.List.of(tenant.host(), newHost), 10,
                java.util.List.of());

        publish(RegistryChange.instance(tenant.id()));

        io.restassured.RestAssured.given().header("Host", newHost).get("/id/.well-known/openid-configuration")
                .then().statusCode(200);
    }

    @Test
    void whenAppDisabledWithoutEventThenRefusedWithinTheTtl() throws InterruptedException {
        TestApp app = tenant.app();
        tenant.token(app);
        app.set("enabled", false);

        Thread.sleep(2_300);

        tenant.tokenResponse(app).then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void whenRegistryDownThenTemporarilyUnavailable() {
        TestApp app = tenant.app();
        RegistryStandIn.shared().available(false);

        tenant.tokenResponse(app).then().statusCode(503).body("error", equalTo("temporarily_unavailable"));
    }

    private void publish(RegistryChange change) throws InterruptedException {
        String message = "{\"type\":\"" + change.type() + "\",\"instanceId\":\"" + change.instanceId()
                + "\",\"clientId\":" + (change.clientId() == null ? "null" : "\"" + change.clientId() + "\"") + "}";
        redis.pubsub(String.class).publish(RegistryChange.CHANNEL, message).await().indefinitely();
        Thread.sleep(200);
    }
}
