package net.erp.registry;

import static net.erp.registry.Api.asAdmin;
import static net.erp.registry.Api.newClientId;
import static net.erp.registry.Api.serviceApp;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.erp.contract.registry.RegistryChange;
import net.erp.contract.revocation.RevocationKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the other services learn of a change: an event on the channel, and for a stopped app a cut-off. */
@QuarkusTest
class ChangeEventsTest {

    @Inject
    RedisDataSource redis;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private PubSubCommands.RedisSubscriber subscriber;
    private String instanceId;
    private String clientId;

    @BeforeEach
    void subscribe() {
        subscriber = redis.pubsub(String.class).subscribe(RegistryChange.CHANNEL, events::add);
        instanceId = Api.createInstance();
        clientId = newClientId();
        Api.createApp(instanceId, serviceApp(clientId));
    }

    @AfterEach
    void unsubscribe() {
        subscriber.unsubscribe();
    }

    private boolean published(String json) throws InterruptedException {
        for (int i = 0; i < 40 && events.stream().noneMatch(event -> event.contains(json)); i++) {
            Thread.sleep(50);
        }
        return events.stream().anyMatch(event -> event.contains(json));
    }

    private String cutOffOf(String client) {
        return redis.value(String.class).get(RevocationKeys.client(instanceId, client));
    }

    @Test
    void appWhenCreatedThenAppEventPublished() throws InterruptedException {
        String created = newClientId();

        Api.createApp(instanceId, serviceApp(created));

        assertTrue(published("\"instanceId\":\"" + instanceId + "\",\"clientId\":\"" + created + "\""));
    }

    @Test
    void instanceWhenUpdatedThenInstanceEventPublished() throws InterruptedException {
        asAdmin().body(Api.instance(instanceId)).put("/api/instances/{i}", instanceId).then().statusCode(200);

        assertTrue(published("{\"type\":\"INSTANCE\",\"instanceId\":\"" + instanceId + "\""));
    }

    @Test
    void scopeWhenUpdatedThenInstanceEventPublished() throws InterruptedException {
        asAdmin().body(Map.of("name", "stock.read")).post("/api/instances/{i}/scopes", instanceId)
                .then().statusCode(201);
        events.clear();

        asAdmin().body(Map.of("description", "read stock"))
                .put("/api/instances/{i}/scopes/{n}", instanceId, "stock.read").then().statusCode(200);

        assertTrue(published("{\"type\":\"INSTANCE\",\"instanceId\":\"" + instanceId + "\""));
    }

    @Test
    void secretWhenDeletedThenAppEventPublished() throws InterruptedException {
        String secretId = asAdmin().post("/api/instances/{i}/apps/{c}/secrets", instanceId, clientId)
                .then().statusCode(201).extract().path("id");
        events.clear();

        asAdmin().delete("/api/instances/{i}/apps/{c}/secrets/{s}", instanceId, clientId, secretId)
                .then().statusCode(204);

        assertTrue(published("\"type\":\"APP\",\"instanceId\":\"" + instanceId + "\""));
    }

    @Test
    void appWhenDisabledThenItsTokensAreCutOff() {
        var disabled = serviceApp(clientId);
        disabled.put("enabled", false);
        long before = Instant.now().getEpochSecond();

        asAdmin().body(disabled).put("/api/instances/{i}/apps/{c}", instanceId, clientId).then().statusCode(200);

        assertNotNull(cutOffOf(clientId));
        assertTrue(Long.parseLong(cutOffOf(clientId)) >= before);
    }

    @Test
    void appWhenDeletedThenItsTokensAreCutOff() {
        asAdmin().delete("/api/instances/{i}/apps/{c}", instanceId, clientId).then().statusCode(204);

        assertNotNull(cutOffOf(clientId));
    }

    @Test
    void instanceWhenDeletedThenItsAppsTokensAreCutOff() {
        asAdmin().delete("/api/instances/{i}", instanceId).then().statusCode(204);

        assertNotNull(cutOffOf(clientId));
    }

    @Test
    void instanceWhenDeletedThenEventForEachApp() throws InterruptedException {
        asAdmin().delete("/api/instances/{i}", instanceId).then().statusCode(204);

        assertTrue(published("\"type\":\"APP\",\"instanceId\":\"" + instanceId + "\",\"clientId\":\"" + clientId));
    }

    @Test
    void appWhenUpdatedAndStillEnabledThenNoCutOff() {
        asAdmin().body(serviceApp(clientId)).put("/api/instances/{i}/apps/{c}", instanceId, clientId)
                .then().statusCode(200);

        assertTrue(cutOffOf(clientId) == null);
    }
}
